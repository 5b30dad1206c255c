namespace StudyHub.Practice.Generation;

/// <summary>
/// A small bank of seed problems per math skill of the catalogue; games from a skill are the math
/// engine's variants of these. Ids follow the catalogue (<c>math.linear-equations</c>).
/// </summary>
internal static class SeedProblems
{
    private static readonly Dictionary<string, string[]> Bank = new(StringComparer.Ordinal)
    {
        ["math.linear-equations"] = ["2x+3=11", "5x-7=18", "3(x+2)=21"],
        ["math.quadratic-equations"] = ["x^2-5x+6=0", "x^2+x-12=0"],
        ["math.fractions"] = ["3/4+5/6", "2/3-1/4"],
    };

    public static IReadOnlyCollection<string> Skills => Bank.Keys;

    public static IReadOnlyList<string>? For(string skillId) => Bank.GetValueOrDefault(skillId);
}
