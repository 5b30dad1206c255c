using System.Text.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

public sealed class HomeworkEventsTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_event_stream_pushes_queued_then_each_page_then_ready()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync("1 + 1\f2 + 2\f3 + 3");
        await HomeworkHost.EnsureJobsTableAsync(_factory);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/homework/{accepted.Id}/events");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string Event, JsonElement Data)>();
        var first = await NextEventAsync(reader);
        events.Add(first);
        Assert.Equal(("progress", "queued"), (first.Event, first.Data.GetProperty("status").GetString()));

        var job = _factory.RunReadingJobAsync(accepted.Id);
        while (events[^1].Event is not ("ready" or "failed"))
        {
            events.Add(await NextEventAsync(reader).WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Null(await job);
        var messages = events.Select(e => e.Data.GetProperty("message").GetString()).ToList();
        Assert.Equal("queued", messages[0]);
        Assert.Contains("reading page 2 of 3", messages);
        Assert.Contains("finding problems", messages);
        Assert.Equal(("ready", 100), (events[^1].Event, events[^1].Data.GetProperty("progress").GetInt32()));
        var progress = events.Select(e => e.Data.GetProperty("progress").GetInt32()).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Null(await reader.ReadLineAsync()); // the server ends the stream once the homework is ready
    }

    private static async Task<(string Event, JsonElement Data)> NextEventAsync(StreamReader reader)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (name ?? "message", JsonDocument.Parse(data).RootElement.Clone());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended early.");
    }
}
