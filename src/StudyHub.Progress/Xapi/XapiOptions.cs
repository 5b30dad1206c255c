using System.ComponentModel.DataAnnotations;

namespace StudyHub.Progress.Xapi;

/// <summary>The <c>Xapi</c> configuration section: how statements name things, and where they are forwarded.</summary>
internal sealed class XapiOptions
{
    public const string Section = "Xapi";

    /// <summary>
    /// The public address activity ids and the actor's account home page are built on
    /// (https://studyhub.example.org). Empty: <c>Mail:PublicUrl</c>, then http://localhost. Ids
    /// must stay stable once statements leave for an LRS, so set it before forwarding.
    /// </summary>
    [Url]
    public string? PublicUrl { get; set; }

    public LrsOptions Lrs { get; set; } = new();
}

/// <summary>An external Learning Record Store the statements are copied to (optional).</summary>
internal sealed class LrsOptions
{
    /// <summary>The LRS's xAPI base (statements are POSTed to <c>{Endpoint}/statements</c>); empty: no forwarding.</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>HTTP basic authentication (the LRS's key and secret).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Statements per POST.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 200;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
