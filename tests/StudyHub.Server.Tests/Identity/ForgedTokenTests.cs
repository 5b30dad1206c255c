using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>Access tokens an attacker could craft: every one must be refused with 401.</summary>
public sealed class ForgedTokenTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Forged_tokens_are_refused()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var (header, payload) = Split(student.AccessToken);
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(payload)!;
        var asAdmin = new Dictionary<string, object?>(claims.ToDictionary(c => c.Key, c => (object?)c.Value)) { ["role"] = "admin" };

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(await StoredPrivateKeyAsync()), out _);
        var publicKeyBytes = Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
        using var otherKey = RSA.Create(2048);

        var forgeries = new Dictionary<string, string>
        {
            ["alg none"] = Encode(new { alg = "none", typ = "JWT" }) + "." + Encode(asAdmin) + ".",
            ["HS256 signed with the public key"] = Sign(new { alg = "HS256", typ = "JWT" }, asAdmin, data => HMACSHA256.HashData(publicKeyBytes, data)),
            ["HS256 signed with the public key DER"] = Sign(new { alg = "HS256", typ = "JWT" }, asAdmin, data => HMACSHA256.HashData(rsa.ExportSubjectPublicKeyInfo(), data)),
            ["another RSA key"] = Sign(new { alg = "RS256", typ = "JWT" }, asAdmin, data => otherKey.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["tampered payload"] = header + "." + Encode(asAdmin) + "." + student.AccessToken.Split('.')[2],
            ["wrong issuer"] = Sign(new { alg = "RS256", typ = "JWT" }, With(claims, "iss", "evil"), data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["wrong audience"] = Sign(new { alg = "RS256", typ = "JWT" }, With(claims, "aud", "other-api"), data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["expired"] = Sign(new { alg = "RS256", typ = "JWT" }, With(claims, "exp", DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()), data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ["truncated"] = student.AccessToken[..^10],
        };

        // Signed with the real key and untouched, the token works: the forgeries fail for their flaw alone.
        var control = Sign(new { alg = "RS256", typ = "JWT", kid = JsonSerializer.Deserialize<JsonElement>(header).GetProperty("kid").GetString() }, claims, data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(control)).StatusCode);

        foreach (var (name, token) in forgeries)
        {
            var response = await GetMeAsync(token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_signed_token_with_another_users_subject_and_a_recently_seen_session_is_refused()
    {
        var victim = await _factory.RegisterAndSignInAsync("teacher");
        var attacker = await _factory.RegisterAndSignInAsync("student");

        // The attacker's own session is checked, and remembered as alive, by an ordinary request.
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(attacker.AccessToken)).StatusCode);

        // A correctly signed token (a leaked key, or a bug issuing tokens) naming the victim as
        // subject but the attacker's session: that session is not the victim's, so it is refused.
        var (header, payload) = Split(attacker.AccessToken);
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(payload)!;
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(await StoredPrivateKeyAsync()), out _);
        var kid = JsonSerializer.Deserialize<JsonElement>(header).GetProperty("kid").GetString();
        string SignWithRealKey(Dictionary<string, object?> body) =>
            Sign(new { alg = "RS256", typ = "JWT", kid }, body, data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(SignWithRealKey(With(claims, "jti", "control")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(SignWithRealKey(With(claims, "sub", victim.Id.ToString())))).StatusCode);
    }

    [Fact]
    public async Task A_token_already_validated_is_refused_once_it_has_expired()
    {
        var student = await _factory.RegisterAndSignInAsync("student");

        // The first use validates and remembers the token; later uses are served from that memory.
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(student.AccessToken)).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(student.AccessToken)).StatusCode);

        // Access tokens live 15 minutes, with 30 s of clock skew allowed: the memory must not outlive them.
        _factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(student.AccessToken)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
    }

    private async Task<string> StoredPrivateKeyAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        return (await db.SigningKeys.SingleAsync()).PrivateKey;
    }

    private static Dictionary<string, object?> With(Dictionary<string, JsonElement> claims, string name, object value)
    {
        var copy = claims.ToDictionary(c => c.Key, c => (object?)c.Value);
        copy[name] = value;
        return copy;
    }

    private static (string Header, string Payload) Split(string token)
    {
        var parts = token.Split('.');
        return (Encoding.UTF8.GetString(Base64UrlDecode(parts[0])), Encoding.UTF8.GetString(Base64UrlDecode(parts[1])));
    }

    private static string Sign(object header, object payload, Func<byte[], byte[]> signer)
    {
        var signingInput = Encode(header) + "." + Encode(payload);
        return signingInput + "." + Base64Url(signer(Encoding.ASCII.GetBytes(signingInput)));
    }

    private static string Encode(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
