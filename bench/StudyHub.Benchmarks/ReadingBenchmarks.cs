using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Extraction;
using StudyHub.Content.Problems;
using StudyHub.Content.Tests;

namespace StudyHub.Benchmarks;

/// <summary>A 10-page text PDF read and split into problems (target: under 2 s).</summary>
[MemoryDiagnoser]
public class TextPdfBenchmarks : IDisposable
{
    private readonly Scratch _scratch = new();
    private readonly ProblemFinder _finder = new();
    private IDocumentReader _reader = null!;
    private ServiceProvider _services = null!;
    private SourceFile _pdf = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_reader, _services) = Fixtures.Reader(_scratch.Work);
        var pages = Enumerable.Range(1, 10).Select(page => Worksheets.Render(Worksheets.Problems(page)).ToArray()).ToArray();
        _pdf = _scratch.File("ten.pdf", Fixtures.TextPdf(pages), SourceFormat.Pdf);
    }

    [Benchmark]
    public int ReadTenPageTextPdf() => _finder.Find(_reader.ReadAsync([_pdf], null, CancellationToken.None).GetAwaiter().GetResult()).Count;

    public void Dispose()
    {
        _services?.Dispose();
        _scratch.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The slow figures, measured once each with a stopwatch: a phone photo, the pipeline's overhead over the
/// tools' own time, growth with 1, 10 and N scanned pages, and the peak memory of this process plus its
/// tesseract children while the largest scan is read.
/// </summary>
internal static class ReadingFigures
{
    public static async Task RunAsync(int largest)
    {
        using var scratch = new Scratch();
        var (reader, services) = Fixtures.Reader(scratch.Work);
        using var _ = services;
        var tools = services.GetRequiredService<ExternalTool>();
        var finder = new ProblemFinder();
        Console.WriteLine($"cores: {Environment.ProcessorCount}");

        var textPdf = scratch.File("ten.pdf", Fixtures.TextPdf([.. Enumerable.Range(1, 10).Select(p => Worksheets.Render(Worksheets.Problems(p)).ToArray())]), SourceFormat.Pdf);
        await reader.ReadAsync([textPdf], null, CancellationToken.None); // warm up PdfPig and the JIT
        var clock = Stopwatch.StartNew();
        var problems = finder.Find(await reader.ReadAsync([textPdf], null, CancellationToken.None)).Count;
        Console.WriteLine($"10-page text PDF: {clock.Elapsed.TotalSeconds:0.000} s ({problems} problems)");

        // A 12 MP phone photo (4032 x 3024 class), slightly tilted, JPEG as phones save it.
        using (var page = new MagickImage(Fixtures.WorksheetPhoto(Worksheets.Render(Worksheets.Problems(42)), Damage.Tilted, MagickFormat.Png, seed: 3)))
        {
            page.Resize(new MagickGeometry(3024, 4032) { IgnoreAspectRatio = true });
            page.Quality = 88;
            page.Format = MagickFormat.Jpeg;
            var photo = scratch.File("IMG_1234.jpg", page.ToByteArray(), SourceFormat.Jpeg);
            var toolsBefore = tools.ToolTime;
            clock.Restart();
            var found = finder.Find(await reader.ReadAsync([photo], null, CancellationToken.None)).Count;
            var wall = clock.Elapsed;
            var toolTime = tools.ToolTime - toolsBefore;
            Console.WriteLine($"phone photo 3024x4032: {wall.TotalSeconds:0.00} s ({found} problems); tesseract's own time {toolTime.TotalSeconds:0.00} s; overhead {(wall - toolTime) / toolTime:P0}");
        }

        var scanPng = Fixtures.WorksheetPhoto(Worksheets.Render(Worksheets.Problems(7)), Damage.None);
        foreach (var count in new[] { 1, 10, largest }.Distinct())
        {
            var scan = scratch.File($"scan{count}.pdf", Fixtures.ScannedPdf([.. Enumerable.Repeat(scanPng, count)]), SourceFormat.Pdf);
            using var memory = new PeakMemory();
            var toolsBefore = tools.ToolTime;
            clock.Restart();
            var document = await reader.ReadAsync([scan], null, CancellationToken.None);
            var wall = clock.Elapsed;
            var toolTime = tools.ToolTime - toolsBefore;
            var perCore = toolTime / System.Math.Min(Environment.ProcessorCount, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scanned PDF {count,3} pages: {wall.TotalSeconds,6:0.0} s ({wall.TotalSeconds / count:0.00} s/page); tools {toolTime.TotalSeconds:0.0} s summed over {System.Math.Min(Environment.ProcessorCount, count)} parallel; overhead over tools per core {(wall - perCore) / perCore:P0}; peak memory {memory.PeakMegabytes} MB (this process + tools), {document.Pages.Count} pages"));
        }
    }

    /// <summary>Samples the resident memory of this process and its child processes (tesseract, pdftoppm).</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _peak;

        public PeakMemory() => _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = System.Math.Max(_peak, Sample());
                await Task.Delay(50);
            }
        });

        public long PeakMegabytes => _peak / (1024 * 1024);

        public void Dispose()
        {
            _stop.Cancel();
            _sampler.Wait();
            _stop.Dispose();
        }

        private static long Sample()
        {
            var self = Environment.ProcessId;
            long total = Process.GetCurrentProcess().WorkingSet64;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1], CultureInfo.InvariantCulture) == self)
                    {
                        total += long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
                {
                    // Processes come and go while we look.
                }
            }

            return total;
        }
    }
}
