namespace StudyHub.Identity.Authentication;

/// <summary>The claims StudyHub puts in access tokens and cookies.</summary>
internal static class StudyHubClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Session = "sid";
    public const string Name = "name";
}
