using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Content.Features;

/// <summary>
/// Live progress as server-sent events: the current state at once, then each change pushed by
/// the in-process notifier, until ready or failed. The database is re-read every few seconds too,
/// so progress made by a worker in another process still arrives.
/// </summary>
internal static class HomeworkEvents
{
    private static readonly TimeSpan DatabaseRecheck = TimeSpan.FromSeconds(3);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The API's stream (bearer token) and the homework page's (the web cookie): one handler, two doors.</summary>
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder web)
    {
        MapStream(api).WithName("HomeworkEvents");
        MapStream(web).ExcludeFromDescription();
    }

    private static RouteHandlerBuilder MapStream(IEndpointRouteBuilder routes) =>
        routes.MapGet("/homework/{id:guid}/events", async Task (Guid id, HttpContext http, HomeworkAccess access, HomeworkProgressNotifier notifier, IServiceScopeFactory scopes, CancellationToken ct) =>
            {
                var homework = await access.FindReadableAsync(id, ct);

                // Subscribe before sending the current state, so no change can fall between the two.
                using var subscription = notifier.Subscribe(id);
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers["X-Accel-Buffering"] = "no";
                var last = HomeworkProgressNotifier.ToProgress(homework);
                await SendAsync(http.Response, last, ct);
                while (!IsFinal(last.Status) && !ct.IsCancellationRequested)
                {
                    HomeworkProgress? next = null;
                    using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                    {
                        wait.CancelAfter(DatabaseRecheck);
                        try
                        {
                            next = await subscription.Reader.ReadAsync(wait.Token);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                            next = await ReadStoredAsync(scopes, id, ct);
                            if (next is null)
                            {
                                return; // deleted meanwhile
                            }
                        }
                    }

                    if (next != last)
                    {
                        last = next;
                        await SendAsync(http.Response, last, ct);
                    }
                }
            })
            .RequireAuthorization()
            .WithSummary("Server-sent events with the homework's progress: queued → reading page 2 of 5 → finding problems → ready (or failed with a reason).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static bool IsFinal(string status) => status is "ready" or "failed";

    private static async Task<HomeworkProgress?> ReadStoredAsync(IServiceScopeFactory scopes, Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var homework = await db.Homework.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        return homework is null ? null : HomeworkProgressNotifier.ToProgress(homework);
    }

    private static async Task SendAsync(HttpResponse response, HomeworkProgress progress, CancellationToken ct)
    {
        await response.WriteAsync($"event: {EventName(progress.Status)}\ndata: {JsonSerializer.Serialize(progress, Json)}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    private static string EventName(string status) => IsFinal(status) ? status : "progress";
}
