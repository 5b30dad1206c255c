using System.Diagnostics.Metrics;

namespace StudyHub.Content;

/// <summary>
/// The intake's meters: uploads, parse outcomes (success rate = ready / all), time per stage,
/// OCR confidence, and homework being read right now in this process.
/// </summary>
internal sealed class ContentMetrics
{
    public const string MeterName = "StudyHub.Content";

    private readonly Counter<long> _uploads;
    private readonly Counter<long> _uploadedBytes;
    private readonly Counter<long> _parsed;
    private readonly Histogram<double> _stageSeconds;
    private readonly Histogram<double> _ocrConfidence;
    private readonly UpDownCounter<long> _reading;

    public ContentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _uploads = meter.CreateCounter<long>("studyhub.homework.uploads", description: "Homework uploaded.");
        _uploadedBytes = meter.CreateCounter<long>("studyhub.homework.uploaded_bytes", unit: "By", description: "Bytes of originals stored.");
        _parsed = meter.CreateCounter<long>("studyhub.homework.parsed", description: "Homework read to the end, by outcome (ready or failed).");
        _stageSeconds = meter.CreateHistogram<double>("studyhub.homework.stage.duration", unit: "s", description: "Time per reading stage (reading, finding_problems, total).");
        _ocrConfidence = meter.CreateHistogram<double>("studyhub.homework.ocr.confidence", description: "Tesseract's mean word confidence per OCR'd page, 0-100.");
        _reading = meter.CreateUpDownCounter<long>("studyhub.homework.reading", description: "Homework being read by this process now.");
    }

    public void Uploaded(int files, long bytes)
    {
        _uploads.Add(1, new KeyValuePair<string, object?>("files", files));
        _uploadedBytes.Add(bytes);
    }

    public void Started() => _reading.Add(1);

    public void Read(string outcome, TimeSpan took)
    {
        _reading.Add(-1);
        _parsed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (took > TimeSpan.Zero)
        {
            StageTook("total", took);
        }
    }

    public void StageTook(string stage, TimeSpan took) =>
        _stageSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public void OcrConfidence(double confidence) => _ocrConfidence.Record(confidence);
}
