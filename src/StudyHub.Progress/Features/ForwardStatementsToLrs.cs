using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Jobs;
using StudyHub.Progress.Data;
using StudyHub.Progress.Xapi;

namespace StudyHub.Progress.Features;

/// <summary>
/// The recurring copy of every statement to the configured LRS (<c>Xapi:Lrs:Endpoint</c>), oldest
/// first, a batch per POST. The position moves only after the LRS accepted a batch, and is saved
/// per batch, so a failure (the job is retried with backoff) resumes where it stopped. A batch can
/// reach the LRS twice (accepted, then the position save lost); statement ids are stable, and an
/// LRS keeps one statement per id, so that is harmless.
/// </summary>
internal sealed class ForwardStatementsToLrs(
    ProgressDbContext db, StatementFeed feed, IHttpClientFactory httpClients, IOptions<XapiOptions> options, TimeProvider clock,
    ILogger<ForwardStatementsToLrs> logger) : IJobHandler
{
    public const string JobKind = "progress.xapi-forward";
    public const string HttpClientName = "xapi-lrs";

    /// <summary>Batches per run: a large backlog is sent over several runs instead of one long job.</summary>
    public const int MaxBatchesPerRun = 50;

    public string Kind => JobKind;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var lrs = options.Value.Lrs;
        if (string.IsNullOrWhiteSpace(lrs.Endpoint))
        {
            return;
        }

        var endpoint = lrs.Endpoint.TrimEnd('/');
        var position = await db.ForwardingPositions.FirstOrDefaultAsync(p => p.Endpoint == endpoint, cancellationToken);
        if (position is null)
        {
            position = new ForwardingPosition { Endpoint = endpoint, LastOccurredAt = DateTime.UnixEpoch };
            db.ForwardingPositions.Add(position);
        }

        using var http = httpClients.CreateClient(HttpClientName);
        for (var batchNumber = 0; batchNumber < MaxBatchesPerRun; batchNumber++)
        {
            var after = position.LastId == Guid.Empty ? (StatementCursor?)null : new StatementCursor(position.LastOccurredAt, position.LastId);
            var batch = await feed.ReadAsync(null, after, null, lrs.BatchSize, cancellationToken);
            if (batch.Statements.Count == 0)
            {
                break;
            }

            await PostAsync(http, endpoint, lrs, batch.Statements, cancellationToken);
            var last = batch.Statements[^1];
            position.LastOccurredAt = last.Timestamp;
            position.LastId = last.Id;
            position.Forwarded += batch.Statements.Count;
            position.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            position.Version++;
            await db.SaveChangesAsync(cancellationToken);
            await job.ReportProgressAsync(0, $"{position.Forwarded} statements forwarded", cancellationToken);
            if (batch.Next is null)
            {
                break;
            }
        }
    }

    private async Task PostAsync(HttpClient http, string endpoint, LrsOptions lrs, IReadOnlyList<XapiStatement> statements, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/statements")
        {
            Content = JsonContent.Create(statements, options: System.Text.Json.JsonSerializerOptions.Web),
        };
        request.Headers.Add("X-Experience-API-Version", StatementMapping.Version);
        if (!string.IsNullOrEmpty(lrs.UserName))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{lrs.UserName}:{lrs.Password}")));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogWarning("The LRS at {Endpoint} answered {Status} to {Count} statements: {Body}", endpoint, (int)response.StatusCode, statements.Count, body.Length > 500 ? body[..500] : body);
            // Retried by the job runner with backoff; an LRS that keeps refusing ends in the dead letters for an administrator.
            throw new HttpRequestException($"The LRS answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
