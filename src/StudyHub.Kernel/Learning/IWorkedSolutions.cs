namespace StudyHub.Kernel.Learning;

/// <summary>
/// A student asked to see the worked solution of a problem outside a game (the math help page):
/// for mastery that is the same as climbing every hint, so the problem counts as not known
/// (issue #11). The Practice module answers, since it keeps the learning-event log.
/// </summary>
public interface IWorkedSolutions
{
    /// <summary>
    /// Records that <paramref name="studentId"/> saw the solution of <paramref name="problem"/> (in the
    /// engine's notation, so spacing does not make a new problem), practising <paramref name="skillId"/>.
    /// Once per student and problem: asking again records nothing.
    /// </summary>
    Task RecordShownAsync(Guid studentId, string skillId, string problem, CancellationToken cancellationToken);
}
