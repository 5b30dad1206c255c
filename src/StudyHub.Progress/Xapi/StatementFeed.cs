using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Xapi;

/// <summary>Where a page of statements ended: the last statement's time and id (the log orders by both).</summary>
internal readonly record struct StatementCursor(DateTime OccurredAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{OccurredAt.Ticks}.{Id:N}")));

    public static bool TryDecode(string? text, out StatementCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.UnixEpoch.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new StatementCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

/// <summary>A page of statements and, when more follow, where the next page starts.</summary>
internal sealed record StatementBatch(IReadOnlyList<XapiStatement> Statements, StatementCursor? Next);

/// <summary>
/// Reads the learning-event log as xAPI statements in (time, id) order, a page at a time. The log
/// has two parts: the practice module's (answers, hints, sessions, flashcards, through
/// <see cref="ILearningRecords"/>) and Progress's own (badges, uploads); each page merges both.
/// The cursor is (time, id), not an offset, so new rows never shift a page that was already read.
/// Rows of one instant are always read whole (a finished answer, its session's completion and the
/// badge it earned share one), and ordered by id here, so the order does not depend on how a
/// database sorts ids.
/// </summary>
internal sealed class StatementFeed(ILearningRecords records, ProgressDbContext db, IOptions<XapiOptions> options, IConfiguration configuration, ISkillCatalog? catalog = null)
{
    public StatementMapping Mapping { get; } = new(PublicUrl(options.Value, configuration), catalog);

    /// <param name="studentIds">Whose statements; null: everyone's (the LRS forwarding).</param>
    /// <param name="after">Continue after this statement; otherwise start after <paramref name="since"/> (or at the beginning).</param>
    public async Task<StatementBatch> ReadAsync(IReadOnlyCollection<Guid>? studentIds, StatementCursor? after, DateTime? since, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<XapiStatement>();
        var from = since ?? DateTime.UnixEpoch;
        if (after is { } cursor)
        {
            from = cursor.OccurredAt;
            rows.AddRange((await AtAsync(studentIds, cursor.OccurredAt, cancellationToken)).Where(r => r.Id.CompareTo(cursor.Id) > 0));
        }

        var wanted = limit + 1 - rows.Count;
        if (wanted > 0)
        {
            // The first `wanted` rows of the whole log are among the first `wanted` of each part.
            var practice = await records.AfterAsync(studentIds, from, wanted, cancellationToken);
            var own = await Own(studentIds).Where(e => e.OccurredAt > from).OrderBy(e => e.OccurredAt).Take(wanted).ToListAsync(cancellationToken);
            var later = practice.Select(Mapping.From).Concat(own.Select(Mapping.From)).OrderBy(s => s.Timestamp).Take(wanted).ToList();
            rows.AddRange(later);
            if (later.Count == wanted)
            {
                // The databases cut the last instant wherever they liked: read that instant whole.
                var last = later[^1].Timestamp;
                rows.RemoveAll(r => r.Timestamp == last);
                rows.AddRange(await AtAsync(studentIds, last, cancellationToken));
            }
        }

        rows.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Id.CompareTo(b.Id));
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new StatementCursor(page[^1].Timestamp, page[^1].Id) : (StatementCursor?)null;
        return new StatementBatch(page, next);
    }

    private async Task<List<XapiStatement>> AtAsync(IReadOnlyCollection<Guid>? studentIds, DateTime at, CancellationToken cancellationToken)
    {
        var practice = await records.AtAsync(studentIds, at, cancellationToken);
        var own = await Own(studentIds).Where(e => e.OccurredAt == at).ToListAsync(cancellationToken);
        return [.. practice.Select(Mapping.From), .. own.Select(Mapping.From)];
    }

    private IQueryable<ActivityEntry> Own(IReadOnlyCollection<Guid>? studentIds)
    {
        var entries = db.Activities.AsNoTracking().Where(a => a.Kind != ActivityKind.BadgeRevoked);
        if (studentIds is null)
        {
            return entries;
        }

        var ids = studentIds.ToList();
        return entries.Where(e => ids.Contains(e.StudentId));
    }

    private static Uri PublicUrl(XapiOptions options, IConfiguration configuration)
    {
        var configured = !string.IsNullOrWhiteSpace(options.PublicUrl) ? options.PublicUrl : configuration["Mail:PublicUrl"];
        return Uri.TryCreate(configured, UriKind.Absolute, out var url) ? url : new Uri("http://localhost");
    }
}
