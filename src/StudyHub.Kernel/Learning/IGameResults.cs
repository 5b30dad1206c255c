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

    /// <summary>The games this person made, newest first (a teacher picks one to assign).</summary>
    Task<IReadOnlyList<GameOverview>> GamesOwnedByAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The skills a practice game can be generated for (ids of the skill catalogue).</summary>
    IReadOnlyCollection<string> SkillsWithGames { get; }

    /// <summary>Makes a practice game for a skill, owned by the signed-in user (same rules and errors as the games API).</summary>
    Task<GameOverview> CreateSkillGameAsync(string? skillId, int? questionCount, CancellationToken cancellationToken);

    /// <summary>Starts a session of this game for the signed-in student (same rules and errors as the sessions API); returns its id.</summary>
    Task<Guid> StartPlayAsync(Guid gameId, CancellationToken cancellationToken);

    /// <summary>Every session of these students on this game started at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<GamePlay>> PlaysAsync(Guid gameId, IReadOnlyCollection<Guid> studentIds, DateTime since, CancellationToken cancellationToken);
}
