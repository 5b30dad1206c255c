using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>Games and their plays for other modules (assignments, gradebooks). Callers check who may see them.</summary>
internal sealed class GameResults(PracticeDbContext db, CreateGame createGame, StartSession startSession) : IGameResults
{
    public IReadOnlyCollection<string> SkillsWithGames => Generation.SeedProblems.Skills;

    public async Task<GameOverview> CreateSkillGameAsync(string? skillId, int? questionCount, CancellationToken cancellationToken)
    {
        var game = await createGame.HandleAsync(new CreateGameRequest(skillId, questionCount), cancellationToken);
        return (await FindGameAsync(game.Id, cancellationToken))!;
    }

    public async Task<Guid> StartPlayAsync(Guid gameId, CancellationToken cancellationToken) =>
        (await startSession.HandleAsync(new StartSessionRequest(gameId), cancellationToken)).Id;

    public async Task<GameOverview?> FindGameAsync(Guid gameId, CancellationToken cancellationToken) =>
        await db.Games.AsNoTracking()
            .Where(g => g.Id == gameId)
            .Select(g => new GameOverview(g.Id, g.OwnerId, g.Title, g.SkillId, g.HomeworkId, g.Questions.Count))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<GameOverview>> GamesOwnedByAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await db.Games.AsNoTracking()
            .Where(g => g.OwnerId == ownerId)
            .OrderByDescending(g => g.CreatedAt)
            .Select(g => new GameOverview(g.Id, g.OwnerId, g.Title, g.SkillId, g.HomeworkId, g.Questions.Count))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<GamePlay>> PlaysAsync(Guid gameId, IReadOnlyCollection<Guid> studentIds, DateTime since, CancellationToken cancellationToken)
    {
        var ids = studentIds.ToList();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.GameId == gameId && ids.Contains(s.StudentId) && s.CreatedAt >= since)
            .Select(s => new
            {
                s.Id,
                s.StudentId,
                s.CreatedAt,
                s.State,
                s.EndedAt,
                s.LastActivityAt,
                s.Score,
                s.QuestionsRight,
                Answered = db.Deliveries.Count(d => d.SessionId == s.Id && d.EndedAt != null),
            })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new GamePlay(
            s.StudentId,
            s.Id,
            s.CreatedAt,
            s.State == SessionState.Completed ? s.EndedAt : null,
            s.Score,
            s.QuestionsRight,
            s.Answered,
            (s.EndedAt ?? s.LastActivityAt) - s.CreatedAt))];
    }
}
