namespace StudyHub.Identity.Domain;

/// <summary>A parent (or guardian) linked to a student; gives the parent sight of the child and the consent decision.</summary>
internal sealed class ParentLink
{
    public Guid ParentId { get; set; }

    public Guid StudentId { get; set; }

    public DateTime LinkedAt { get; set; }
}

/// <summary>A short-lived code a student gives their parent to link accounts.</summary>
internal sealed class ParentLinkCode
{
    public Guid Id { get; set; }

    public Guid StudentId { get; set; }

    public required string Code { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RedeemedAt { get; set; }

    public Guid? RedeemedBy { get; set; }
}
