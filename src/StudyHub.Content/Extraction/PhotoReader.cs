using ImageMagick;
using Microsoft.Extensions.Options;

namespace StudyHub.Content.Extraction;

/// <summary>
/// Reads a photo or a rendered scan: checks its size from the header before decoding, prepares it for OCR
/// in process (EXIF orientation, grayscale, normalise, deskew, ~2,500 px), turns it upright by OSD, then OCRs it.
/// </summary>
internal sealed class PhotoReader(Tesseract tesseract, ExternalTool tool, IOptions<ReadingLimits> options)
{
    private const double UpsideDownSuspicion = 60;

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
        var prepared = Path.Combine(workDirectory, $"{Guid.NewGuid():N}.png");
        Prepare(imagePath, prepared);

        var rotation = await tesseract.DetectRotationAsync(prepared, cancellationToken);
        if (rotation != 0)
        {
            using var image = new MagickImage(prepared);
            image.Rotate(rotation);
            image.Write(prepared, MagickFormat.Png);
        }

        var text = await tesseract.ReadAsync(prepared, cancellationToken);
        if (rotation == 0 && (text.Confidence ?? 0) < UpsideDownSuspicion)
        {
            // OSD needs plenty of text to tell 0 from 180 degrees; a short worksheet upside down reads as
            // garbage with low confidence, so one extra read the other way round settles it.
            using (var image = new MagickImage(prepared))
            {
                image.Rotate(180);
                image.Write(prepared, MagickFormat.Png);
            }

            var turned = await tesseract.ReadAsync(prepared, cancellationToken);
            if ((turned.Confidence ?? 0) > (text.Confidence ?? 0))
            {
                text = turned;
            }
        }

        File.Delete(prepared);
        return text;
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

    private void Prepare(string source, string target)
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

            image.Deskew(new Percentage(40));
            image.Write(target, MagickFormat.Png);
        }
        catch (MagickException)
        {
            throw new UnreadableDocumentException("corrupt_image", "The photo is damaged or incomplete and cannot be opened.");
        }
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
