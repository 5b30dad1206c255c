using System.Globalization;
using SkiaSharp;

namespace StudyHub.Progress.Reports;

/// <summary>A skill on the report: <c>Mastery</c> is P(L), 0–1; <c>Label</c> the word beside the bar.</summary>
internal sealed record ReportSkill(string Name, double Mastery, string Label);

internal sealed record ReportWeakSpot(string Name, double Accuracy, int Answered, double Priority, string Action);

internal sealed record ReportWeek(DateOnly WeekStart, int Answered, double? Accuracy);

/// <summary>Everything the one-page report prints, already in the student's own calendar.</summary>
internal sealed record ProgressReport(
    string StudentName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int QuestionsAnswered,
    int SkillsMastered,
    double TimeSpentMinutes,
    int? StreakDays,
    int? LongestStreakDays,
    int? Points,
    IReadOnlyList<ReportSkill> Skills,
    IReadOnlyList<ReportWeakSpot> WeakSpots,
    IReadOnlyList<ReportWeek> Weeks);

/// <summary>
/// Draws the one-page A4 progress report with SkiaSharp's PDF backend (MIT; PDFsharp's AGPL rules
/// it out): totals, mastery bars, weak spots and a weekly chart. Text is real PDF text (embedded,
/// subset fonts with a Unicode map), so it can be searched, copied and read by screen readers' tools.
/// </summary>
internal static class ProgressReportPdf
{
    public const int MaxSkills = 14;
    public const int MaxWeakSpots = 4;

    private const float Width = 595;   // A4 in points
    private const float Height = 842;
    private const float Margin = 48;
    private static readonly SKColor Ink = new(0x1f, 0x29, 0x37);
    private static readonly SKColor Muted = new(0x4b, 0x55, 0x63);
    private static readonly SKColor Track = new(0xe5, 0xe7, 0xeb);
    private static readonly SKColor Accent = new(0x25, 0x63, 0xeb);
    private static readonly SKColor Done = new(0x15, 0x80, 0x3d);
    private static readonly SKColor Warn = new(0xb4, 0x53, 0x09);

    public static byte[] Render(ProgressReport report, DateTime generatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var fonts = new ReportFonts();
        using var stream = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"Progress report: {report.StudentName}";
        metadata.Author = "StudyHub";
        metadata.Creator = "StudyHub";
        metadata.Creation = generatedAtUtc;
        metadata.Modified = generatedAtUtc;
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            new Page(canvas, fonts).Draw(report);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    internal static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private sealed class Page(SKCanvas canvas, ReportFonts fonts)
    {
        private float _y = Margin;

        public void Draw(ProgressReport report)
        {
            Text("StudyHub progress report", Margin, _y + 14, 11, Muted);
            _y += 36;
            Text(report.StudentName, Margin, _y, 22, Ink, bold: true);
            _y += 20;
            Text($"Practice from {Date(report.PeriodStart)} to {Date(report.PeriodEnd)}", Margin, _y, 10, Muted);
            _y += 24;
            Totals(report);
            Skills(report.Skills);
            WeakSpots(report.WeakSpots);
            Chart(report.Weeks);
            Text("Mastered: at least 95% sure the skill is learned (Bayesian knowledge tracing). Weak spot: 5 or more answers, under 70% right.",
                Margin, Height - Margin + 16, 7.5f, Muted);
        }

        private void Totals(ProgressReport report)
        {
            var boxes = new List<(string Label, string Value)>
            {
                ("Questions answered", report.QuestionsAnswered.ToString("N0", CultureInfo.InvariantCulture)),
                ("Skills mastered", $"{report.SkillsMastered} of {report.Skills.Count}"),
                ("Time practising", $"{Math.Round(report.TimeSpentMinutes).ToString("0", CultureInfo.InvariantCulture)} min"),
            };
            if (report.StreakDays is { } streak)
            {
                boxes.Add(("Streak", $"{streak} {(streak == 1 ? "day" : "days")}"));
            }

            if (report.Points is { } points)
            {
                boxes.Add(("Points", points.ToString("N0", CultureInfo.InvariantCulture)));
            }

            var width = (Width - (2 * Margin) - ((boxes.Count - 1) * 8)) / boxes.Count;
            for (var i = 0; i < boxes.Count; i++)
            {
                var x = Margin + (i * (width + 8));
                using var border = new SKPaint { Color = Track, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(x, _y, x + width, _y + 46), 6, 6, border);
                Text(boxes[i].Label, x + 8, _y + 16, 8, Muted);
                Text(boxes[i].Value, x + 8, _y + 36, 14, Ink, bold: true);
            }

            _y += 68;
        }

        private void Skills(IReadOnlyList<ReportSkill> skills)
        {
            Heading("Mastery by skill");
            if (skills.Count == 0)
            {
                Text("No practice yet.", Margin, _y, 10, Muted);
                _y += 20;
                return;
            }

            const float barLeft = Margin + 190;
            const float barWidth = 200;
            foreach (var skill in skills.Take(MaxSkills))
            {
                Text(Fit(skill.Name, 180, 10), Margin, _y, 10, Ink);
                using var track = new SKPaint { Color = Track, IsAntialias = true };
                using var fill = new SKPaint { Color = skill.Mastery >= 0.95 ? Done : Accent, IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(barLeft, _y - 9, barLeft + barWidth, _y + 1), 3, 3, track);
                canvas.DrawRoundRect(new SKRect(barLeft, _y - 9, barLeft + (barWidth * (float)Math.Clamp(skill.Mastery, 0, 1)), _y + 1), 3, 3, fill);
                Text($"{Percent(skill.Mastery)} {skill.Label}", barLeft + barWidth + 10, _y, 10, Ink);
                _y += 18;
            }

            if (skills.Count > MaxSkills)
            {
                Text($"and {skills.Count - MaxSkills} more skills (see the progress page)", Margin, _y, 9, Muted);
                _y += 16;
            }

            _y += 10;
        }

        private void WeakSpots(IReadOnlyList<ReportWeakSpot> spots)
        {
            Heading("Weak spots");
            if (spots.Count == 0)
            {
                Text("None: no skill is under 70% right after 5 or more questions.", Margin, _y, 10, Muted);
                _y += 26;
                return;
            }

            var rank = 1;
            foreach (var spot in spots.Take(MaxWeakSpots))
            {
                Text($"{rank++}. {spot.Name}", Margin, _y, 10, Ink, bold: true);
                Text($"priority {spot.Priority.ToString("0", CultureInfo.InvariantCulture)} of 100", Width - Margin - 110, _y, 10, Warn);
                _y += 14;
                Text($"{Percent(spot.Accuracy)} right over {spot.Answered} questions · next: {spot.Action}", Margin + 14, _y, 9, Muted);
                _y += 18;
            }

            _y += 8;
        }

        private void Chart(IReadOnlyList<ReportWeek> weeks)
        {
            Heading("Questions answered per week");
            var bottom = Math.Min(_y + 130, Height - Margin - 24);
            var top = _y + 12;
            if (weeks.Count == 0 || bottom - top < 40)
            {
                return;
            }

            var max = Math.Max(1, weeks.Max(w => w.Answered));
            var slot = (Width - (2 * Margin)) / weeks.Count;
            using var axis = new SKPaint { Color = Muted, StrokeWidth = 0.75f, IsAntialias = true };
            canvas.DrawLine(Margin, bottom, Width - Margin, bottom, axis);
            for (var i = 0; i < weeks.Count; i++)
            {
                var week = weeks[i];
                var x = Margin + (i * slot) + (slot * 0.2f);
                var height = (bottom - top) * week.Answered / max;
                using var bar = new SKPaint { Color = Accent, IsAntialias = true };
                canvas.DrawRect(new SKRect(x, bottom - height, x + (slot * 0.6f), bottom), bar);
                if (week.Answered > 0)
                {
                    Text(week.Answered.ToString(CultureInfo.InvariantCulture), x, bottom - height - 3, 7.5f, Ink);
                }

                // Every other week is labelled, ending with the latest.
                if ((weeks.Count - 1 - i) % 2 == 0)
                {
                    Text(week.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture), x - 4, bottom + 11, 7, Muted);
                }
            }

            _y = bottom + 24;
        }

        private void Heading(string text)
        {
            Text(text, Margin, _y, 13, Ink, bold: true);
            _y += 20;
        }

        /// <summary>Cuts a long name with an ellipsis so it never runs into the bar.</summary>
        private string Fit(string text, float width, float size)
        {
            if (Measure(text, size, bold: false) <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && Measure(cut + "…", size, bold: false) > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private float Measure(string text, float size, bool bold)
        {
            var width = 0f;
            foreach (var (run, typeface) in fonts.Runs(text, bold ? fonts.Bold : fonts.Regular))
            {
                using var font = new SKFont(typeface, size);
                width += font.MeasureText(run);
            }

            return width;
        }

        private void Text(string text, float x, float baseline, float size, SKColor color, bool bold = false)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            foreach (var (run, typeface) in fonts.Runs(text, bold ? fonts.Bold : fonts.Regular))
            {
                using var font = new SKFont(typeface, size);
                canvas.DrawText(run, x, baseline, SKTextAlign.Left, font, paint);
                x += font.MeasureText(run);
            }
        }
    }
}
