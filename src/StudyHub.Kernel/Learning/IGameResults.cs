namespace StudyHub.Kernel.Learning;

/// <summary>A game as other modules may refer to it (assignments): who made it and what it holds.</summary>
public sealed record GameOverview(Guid Id, Guid OwnerId, string Title, string? SkillId, Guid? HomeworkId, int QuestionCount);

/// <summary>One student's play of a game: a session, how far it got and how it scored.</summary>
public sealed record GamePlay(
    Guid StudentId,
    Guid SessionId,
    DateTime StartedAt,
    DateTime? CompletedAt,
    int Points,
    int QuestionsRight,
    int QuestionsAnswered,
    TimeSpan TimeSpent);

/// <summary>Answered by the Practice module: games and their plays, for assignments and gradebooks.</summary>
public interface IGameResults
{
    Task<GameOverview?> FindGameAsync(Guid gameId, CancellationToken cancellationToken);

    /// <summary>Every session of these students on this game started at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<GamePlay>> PlaysAsync(Guid gameId, IReadOnlyCollection<Guid> studentIds, DateTime since, CancellationToken cancellationToken);
}
