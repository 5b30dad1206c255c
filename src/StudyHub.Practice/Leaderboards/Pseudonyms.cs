using System.Security.Cryptography;
using System.Text;

namespace StudyHub.Practice.Leaderboards;

/// <summary>
/// The name a student carries on global boards: stable (derived from the account id, so it never
/// changes between requests or instances) and unrelated to the real name. Ids are never shown, and
/// the hash is one-way, so the pseudonym does not lead back to the account.
/// </summary>
internal static class Pseudonyms
{
    private static readonly string[] Adjectives =
    [
        "Brave", "Calm", "Clever", "Curious", "Daring", "Eager", "Gentle", "Happy", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Merry",
        "Mighty", "Nimble", "Patient", "Plucky", "Proud", "Quick", "Quiet", "Rapid", "Sharp", "Shiny", "Smart", "Steady", "Sunny",
        "Swift", "Tidy", "Witty", "Wise", "Zesty",
    ];

    private static readonly string[] Animals =
    [
        "Badger", "Beaver", "Bison", "Condor", "Crane", "Dolphin", "Eagle", "Falcon", "Fox", "Gecko", "Heron", "Ibex", "Jaguar", "Koala",
        "Lemur", "Lynx", "Marten", "Narwhal", "Ocelot", "Otter", "Owl", "Panda", "Puffin", "Quokka", "Raven", "Seal", "Tapir", "Tiger",
        "Toucan", "Walrus", "Wombat", "Yak",
    ];

    public static string For(Guid studentId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes("studyhub-board-name:" + studentId.ToString("N")), hash);
        var number = ((hash[2] << 8) | hash[3]) % 1000;
        return $"{Adjectives[hash[0] % Adjectives.Length]} {Animals[hash[1] % Animals.Length]} {number:000}";
    }
}
