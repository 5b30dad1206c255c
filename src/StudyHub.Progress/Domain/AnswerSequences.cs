namespace StudyHub.Progress.Domain;

/// <summary>
/// Many students' evidence for one skill, in order, stored flat (one array of answers plus where
/// each student's sequence starts) so a refit over a million answers is two arrays, not a million objects.
/// </summary>
internal sealed class AnswerSequences
{
    private readonly bool[] _correct;
    private readonly int[] _starts;

    private AnswerSequences(bool[] correct, int[] starts)
    {
        _correct = correct;
        _starts = starts;
    }

    public int SequenceCount => _starts.Length - 1;

    public int AnswerCount => _correct.Length;

    public int LongestSequence { get; private init; }

    public ReadOnlySpan<bool> Sequence(int index) => _correct.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    public static AnswerSequences From(IEnumerable<IReadOnlyList<bool>> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var correct = new List<bool>();
        var starts = new List<int> { 0 };
        var longest = 0;
        foreach (var sequence in sequences)
        {
            if (sequence.Count == 0)
            {
                continue;
            }

            correct.AddRange(sequence);
            starts.Add(correct.Count);
            longest = System.Math.Max(longest, sequence.Count);
        }

        return new AnswerSequences([.. correct], [.. starts]) { LongestSequence = longest };
    }
}
