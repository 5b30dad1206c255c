using System.Diagnostics;
using ImageMagick;

namespace StudyHub.Content.Extraction;

/// <summary>
/// Reads a photo or a rendered scan: checks its size from the header before decoding, prepares it for OCR
/// in process (EXIF orientation, grayscale, normalise, deskew, ~2,500 px), turns it upright by OSD, then OCRs it.
/// </summary>
internal sealed class PhotoReader(Tesseract tesseract, ExternalTool tool, IOptions<ReadingLimits> options)
{
    /// <summary>Below this mean word confidence a read is doubted: read again cleaned, or turned 180 degrees.</summary>
    private const double DoubtfulConfidence = 60;

    /// <summary>
    /// Mean change a 3×3 median makes to a prepared page (0–1). Clean print changes only along the strokes'
    /// edges (0.0002–0.0004 on the test photos, blurred, JPEG 30 or faint); camera grain changes nearly every
    /// pixel (0.13 on the noisy one).
    /// </summary>
    internal const double NoisyPhoto = 0.02;

    private static readonly Lock s_limitsGate = new();
    private static bool s_limitsSet;

    public async Task<OcrText> ReadAsync(string imagePath, SourceFormat format, string workDirectory, CancellationToken cancellationToken)
    {
        EnsureResourceLimits(options.Value);
        if (new FileInfo(imagePath).Length == 0)
        {
            throw new UnreadableDocumentException("empty_file", "The photo is empty (0 bytes).");
        }

        if (format == SourceFormat.Heic && !CanDecode(imagePath))
        {
            imagePath = await ConvertHeicAsync(imagePath, workDirectory, cancellationToken);
        }

        CheckDimensions(imagePath);
        var clock = Stopwatch.StartNew();
        var prepared = Path.Combine(workDirectory, $"{Guid.NewGuid():N}.png");
        var cleaned = Path.Combine(workDirectory, $"{Guid.NewGuid():N}.png");
        try
        {
            // A grainy photo is cleaned before anything reads it: tesseract finds no words at all in heavy noise,
            // and OSD cannot tell which way up it is.
            var denoised = Prepare(imagePath, prepared) >= NoisyPhoto;
            if (denoised)
            {
                RemoveGrain(prepared, prepared);
            }

            var rotation = await tesseract.DetectRotationAsync(prepared, cancellationToken);
            if (rotation != 0)
            {
                Turn(prepared, rotation);
            }

            var best = await ReadPreparedAsync(prepared, cancellationToken);
            var bestPath = prepared;
            var budget = options.Value.PhotoRereadBudget;
            if (IsDoubtful(best) && !denoised && clock.Elapsed < budget)
            {
                // Faint print, a grey page in a white border or a blotchy background can hide the words from
                // tesseract's own thresholding: one more read of a black-on-white copy, and the surer read wins.
                Binarise(prepared, cleaned);
                var clean = await ReadPreparedAsync(cleaned, cancellationToken);
                if (Better(clean, best))
                {
                    (best, bestPath) = (clean, cleaned);
                }
            }

            if (IsDoubtful(best) && rotation == 0 && clock.Elapsed < budget)
            {
                // OSD needs plenty of text to tell 0 from 180 degrees; a short worksheet upside down reads as
                // garbage with low confidence, so one extra read the other way round settles it.
                Turn(bestPath, 180);
                var turned = await ReadPreparedAsync(bestPath, cancellationToken);
                if (Better(turned, best))
                {
                    best = turned;
                }
            }

            return best;
        }
        finally
        {
            File.Delete(prepared);
            File.Delete(cleaned);
        }
    }

    private static bool IsDoubtful(OcrText text) => (text.Confidence ?? 0) < DoubtfulConfidence;

    private static bool Better(OcrText candidate, OcrText best) => (candidate.Confidence ?? 0) > (best.Confidence ?? 0);

    private async Task<OcrText> ReadPreparedAsync(string prepared, CancellationToken cancellationToken)
    {
        var text = await tesseract.ReadAsync(prepared, cancellationToken);
        var words = DivisionSigns.Restore(prepared, text.Words);
        return ReferenceEquals(words, text.Words) ? text : OcrText.FromWords(words);
    }

    private static void Turn(string path, int degrees)
    {
        using var image = new MagickImage(path);
        image.Rotate(degrees);
        image.Write(path, MagickFormat.Png);
    }

    private void CheckDimensions(string imagePath)
    {
        var limits = options.Value;
        long width, height;
        if (PngSize(imagePath) is { } png)
        {
            (width, height) = png;
        }
        else
        {
            try
            {
                // Ping reads the header only: no pixel is decoded before the size is known to be sane.
                var info = new MagickImageInfo(imagePath);
                (width, height) = (info.Width, info.Height);
            }
            catch (MagickResourceLimitErrorException)
            {
                throw new UnreadableDocumentException("image_too_large", $"The image is larger than the most we read ({limits.MaxImagePixels / 1_000_000} megapixels, {limits.MaxImageSide} pixels a side).");
            }
            catch (MagickException)
            {
                throw new UnreadableDocumentException("corrupt_image", "The photo is damaged or incomplete and cannot be opened.");
            }
        }

        if (width == 0 || height == 0)
        {
            throw new UnreadableDocumentException("corrupt_image", "The photo has no pixels.");
        }

        if (width > limits.MaxImageSide || height > limits.MaxImageSide || width * height > limits.MaxImagePixels)
        {
            throw new UnreadableDocumentException(
                "image_too_large",
                $"The image is {width} x {height} pixels; the most we read is {limits.MaxImagePixels / 1_000_000} megapixels and {limits.MaxImageSide} pixels a side.");
        }
    }

    // A PNG states its size in the IHDR chunk right after the signature; reading it ourselves names the exact
    // size even when it is beyond what ImageMagick agrees to ping.
    private static (long Width, long Height)? PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || header[0] != 0x89 || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[16..20]), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[20..24]));
    }

    /// <summary>Prepares a photo for OCR and returns how noisy it is (see <see cref="NoisyPhoto"/>).</summary>
    private double Prepare(string source, string target)
    {
        var longSide = options.Value.OcrLongSide;
        var settings = new MagickReadSettings();
        // JPEG can decode at 1/2, 1/4, 1/8 scale: asking for about twice the target saves most of the decode time.
        settings.SetDefine(MagickFormat.Jpeg, "size", $"{longSide * 2}x{longSide * 2}");
        try
        {
            using var image = new MagickImage(source, settings);
            image.AutoOrient();
            image.Grayscale();
            image.Normalize();
            var scale = (double)longSide / System.Math.Max(image.Width, image.Height);
            if (scale is < 0.9 or > 1.2)
            {
                image.Resize(new Percentage(scale * 100));
            }

            var noise = Noise(image);
            if (noise < NoisyPhoto)
            {
                // Deskew finds the text lines' angle; in grain it finds nothing, so a noisy page is deskewed after cleaning.
                Deskew(image);
            }

            image.Write(target, MagickFormat.Png);
            return noise;
        }
        catch (MagickException)
        {
            throw new UnreadableDocumentException("corrupt_image", "The photo is damaged or incomplete and cannot be opened.");
        }
    }

    internal static double Noise(MagickImage image)
    {
        using var smooth = image.Clone();
        smooth.MedianFilter(3);
        return image.Compare(smooth, ErrorMetric.MeanAbsolute);
    }

    /// <summary>
    /// Cleans camera grain (measured on the generated worksheets, docs/reading.md section 5): a 3×3 median
    /// keeps strokes two pixels and wider, the ink is then the darkest quarter of the normalised page (grain
    /// is brightness-dependent, so paper scatters widely and ink hardly), and a second median removes the specks
    /// the threshold keeps. Deskewed last, once the lines are visible. A blur with Otsu's threshold read nothing.
    /// </summary>
    internal static void RemoveGrain(string source, string target)
    {
        using var image = new MagickImage(source);
        image.MedianFilter(3);
        image.Threshold(new Percentage(25));
        image.MedianFilter(3);
        Deskew(image);
        image.Write(target, MagickFormat.Png);
    }

    /// <summary>
    /// Straightens the text lines. The corners the turn uncovers are filled white: left to ImageMagick's default
    /// they come out black, and tesseract's global threshold then splits black from paper instead of ink from
    /// paper, reading no word at all on a tilted grey page.
    /// </summary>
    private static void Deskew(MagickImage image)
    {
        image.BackgroundColor = MagickColors.White;
        image.Deskew(new Percentage(40));
    }

    /// <summary>
    /// The second attempt at a page tesseract was unsure of: black on white by Otsu's threshold after a 3×3
    /// median. Grey print on a grey sheet inside a white border (a tilted photo) reads this way.
    /// </summary>
    internal static void Binarise(string source, string target)
    {
        using var image = new MagickImage(source);
        // The white around a photographed sheet (or uncovered by the deskew) would win Otsu's split against the
        // whole grey sheet, text and all: the threshold is taken on the sheet alone, then a margin is given back.
        image.ColorFuzz = new Percentage(5);
        image.Trim();
        image.ResetPage();
        image.MedianFilter(3);
        image.AutoThreshold(AutoThresholdMethod.OTSU);
        image.BorderColor = MagickColors.White;
        image.Border(20);
        Deskew(image);
        image.Write(target, MagickFormat.Png);
    }

    private static bool CanDecode(string path)
    {
        try
        {
            _ = new MagickImageInfo(path);
            return true;
        }
        catch (MagickException)
        {
            return false;
        }
    }

    private async Task<string> ConvertHeicAsync(string source, string workDirectory, CancellationToken cancellationToken)
    {
        var target = Path.Combine(workDirectory, $"{Guid.NewGuid():N}.png");
        var run = await tool.RunAsync("heif-convert", [source, target], cancellationToken);
        if (run.ExitCode != 0 || !File.Exists(target))
        {
            throw new UnreadableDocumentException("corrupt_image", "The HEIC photo is damaged or uses a variant we cannot decode.");
        }

        return target;
    }

    /// <summary>ImageMagick's own ceilings, a second line behind the header check (they are process-wide).</summary>
    internal static void EnsureResourceLimits(ReadingLimits limits)
    {
        lock (s_limitsGate)
        {
            if (s_limitsSet)
            {
                return;
            }

            ResourceLimits.Width = (uint)limits.MaxImageSide;
            ResourceLimits.Height = (uint)limits.MaxImageSide;
            ResourceLimits.Area = (ulong)limits.MaxImagePixels * 2;
            ResourceLimits.Memory = (ulong)limits.ImageMemoryBytes;
            s_limitsSet = true;
        }
    }
}
