using StudyHub.Content.Extraction;

namespace StudyHub.Content.Problems;

/// <param name="Label">As written: "1.", "a)", "Q3", "Exercise 4"; a generated "1", "2"… when the text had none.</param>
/// <param name="Instruction">A shared instruction the problem sits under ("Solve for x:"), if any.</param>
/// <param name="Confidence">0–1: how sure the splitter and OCR repair are that this text is the problem as written.</param>
internal sealed record FoundProblem(int Page, string Label, string Text, string? Instruction, double Confidence);

/// <summary>Splits extracted pages into problems and repairs common OCR confusions in math.</summary>
internal interface IProblemFinder
{
    IReadOnlyList<FoundProblem> Find(ExtractedDocument document);
}
