using StudyHub.Kernel.Errors;

namespace StudyHub.Practice.Generation;

/// <summary>
/// Nothing good could be made from the source: 422 <c>no_questions</c>. Generators make fewer
/// questions, or none, rather than bad ones; this says why there are none and what would help.
/// </summary>
internal sealed class NoQuestionsException(string message) : StudyHubException(422, "no_questions", message);
