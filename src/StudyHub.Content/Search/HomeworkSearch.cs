using System.Text;
using System.Text.RegularExpressions;
using StudyHub.Kernel.Homework;

namespace StudyHub.Content.Search;

/// <summary>A passage of a page's text, indexed for full-text search.</summary>
internal sealed class SearchChunk
{
    /// <summary>About a paragraph: long enough to answer from, short enough to cite.</summary>
    public const int TargetLength = 600;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid HomeworkId { get; init; }

    public Guid OwnerId { get; init; }

    public int Page { get; init; }

    public int Position { get; init; }

    public string Text { get; init; } = "";

    /// <summary>Pages cut at paragraph, then sentence boundaries into passages of about <see cref="TargetLength"/> characters.</summary>
    public static IEnumerable<SearchChunk> Split(Guid homeworkId, Guid ownerId, IEnumerable<(int Page, string Text)> pages)
    {
        var position = 0;
        foreach (var (page, text) in pages)
        {
            var current = new StringBuilder();
            foreach (var sentence in Sentences(text))
            {
                if (current.Length > 0 && current.Length + sentence.Length > TargetLength)
                {
                    yield return new SearchChunk { HomeworkId = homeworkId, OwnerId = ownerId, Page = page, Position = position++, Text = current.ToString().Trim() };
                    current.Clear();
                }

                current.Append(sentence).Append(' ');
            }

            if (current.ToString().Trim() is { Length: > 0 } rest)
            {
                yield return new SearchChunk { HomeworkId = homeworkId, OwnerId = ownerId, Page = page, Position = position++, Text = rest };
            }
        }
    }

    private static IEnumerable<string> Sentences(string text) =>
        Regex.Split(text, @"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*(?:\d+[.)]|[a-z]\)|Q\d))")
            .Select(s => Regex.Replace(s, @"\s+", " ").Trim())
            .Where(s => s.Length > 0)
            .SelectMany(s => s.Length <= TargetLength ? [s] : s.Chunk(TargetLength).Select(c => new string(c)));
}

/// <summary>
/// Searches homework passages with the database's own full-text engine: SQLite FTS5 ranked by
/// BM25, or PostgreSQL's tsvector with a GIN index ranked by ts_rank. Both index tables are made
/// by the migration (provider-specific SQL, named "fts" so the schema test knows to skip them).
/// </summary>
internal sealed partial class HomeworkSearch(ContentDbContext db) : IHomeworkSearch
{
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<HomeworkSearchHit>> SearchAsync(Guid ownerId, string query, Guid? homeworkId, int limit, CancellationToken cancellationToken)
    {
        var terms = Terms().Matches(query ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(32).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        limit = System.Math.Clamp(limit, 1, MaxLimit);
        var rows = db.Database.IsNpgsql()
            ? await SearchPostgresAsync(ownerId, terms, homeworkId, limit, cancellationToken)
            : await SearchSqliteAsync(ownerId, terms, homeworkId, limit, cancellationToken);
        return rows.ConvertAll(r => new HomeworkSearchHit(r.HomeworkId, r.Page, r.Text, r.Score));
    }

    private async Task<List<Row>> SearchSqliteAsync(Guid ownerId, List<string> terms, Guid? homeworkId, int limit, CancellationToken cancellationToken)
    {
        // Each term quoted, so FTS5 never parses the student's words as query syntax.
        var match = string.Join(" OR ", terms.Select(t => "\"" + t + "\""));
        return await db.Database.SqlQuery<Row>($"""
            SELECT c."HomeworkId", c."Page", c."Text", -bm25(homework_chunks_fts) AS "Score"
            FROM homework_chunks_fts f JOIN homework_chunks c ON c."Id" = f.chunk_id
            WHERE homework_chunks_fts MATCH {match} AND c."OwnerId" = {ownerId} AND ({homeworkId} IS NULL OR c."HomeworkId" = {homeworkId})
            ORDER BY bm25(homework_chunks_fts), c."Position"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private async Task<List<Row>> SearchPostgresAsync(Guid ownerId, List<string> terms, Guid? homeworkId, int limit, CancellationToken cancellationToken)
    {
        var any = string.Join(" | ", terms);
        return await db.Database.SqlQuery<Row>($"""
            SELECT c."HomeworkId", c."Page", c."Text", ts_rank(c.fts_vector, to_tsquery('english', {any}))::float8 AS "Score"
            FROM homework_chunks c
            WHERE c.fts_vector @@ to_tsquery('english', {any}) AND c."OwnerId" = {ownerId} AND ({homeworkId}::uuid IS NULL OR c."HomeworkId" = {homeworkId})
            ORDER BY "Score" DESC, c."Position"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Letters and digits only: what both engines index, and nothing they would parse as syntax.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Terms();

    internal sealed class Row
    {
        public Guid HomeworkId { get; set; }

        public int Page { get; set; }

        public string Text { get; set; } = "";

        public double Score { get; set; }
    }
}
