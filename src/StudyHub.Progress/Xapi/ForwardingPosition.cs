namespace StudyHub.Progress.Xapi;

/// <summary>How far the statements have been copied to one LRS (keyed by its endpoint, so a new LRS starts from the beginning).</summary>
internal sealed class ForwardingPosition
{
    public const int MaxEndpointLength = 500;

    public required string Endpoint { get; set; }

    /// <summary>The last statement the LRS accepted: its time and id (the feed's cursor).</summary>
    public DateTime LastOccurredAt { get; set; }

    public Guid LastId { get; set; }

    public int Forwarded { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Two runs at once must not both move the position (the loser's job is retried from the winner's).</summary>
    public int Version { get; set; }
}
