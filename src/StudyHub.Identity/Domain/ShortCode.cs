using System.Security.Cryptography;

namespace StudyHub.Identity.Domain;

/// <summary>
/// Short codes people read aloud or copy from a projector: no 0/O, 1/I/L, so nothing is ambiguous.
/// Entry is forgiving: case, spaces and dashes are ignored.
/// </summary>
internal static class ShortCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public static string Normalize(string? entered) =>
        string.Concat((entered ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
}
