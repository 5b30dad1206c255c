using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studyhub-dp-").FullName;

    [Fact]
    public async Task With_a_certificate_configured_the_keys_are_stored_encrypted_and_another_instance_with_it_reads_them()
    {
        var certificate = WriteCertificate("current.pfx", "Cert-pass-1");
        using var first = new StudyHubFactory().With("DataProtection:CertificatePath", certificate).With("DataProtection:CertificatePassword", "Cert-pass-1");
        var sealedText = Protector(first).Protect("a one-time link");

        var stored = await StoredKeysAsync(first);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        using var second = new StudyHubFactory().SharingDatabaseOf(first)
            .With("DataProtection:CertificatePath", certificate).With("DataProtection:CertificatePassword", "Cert-pass-1");
        Assert.Equal("a one-time link", Protector(second).Unprotect(sealedText));

        // Without the certificate the stored keys are unreadable: nothing sealed under them opens.
        using var withoutCertificate = new StudyHubFactory().SharingDatabaseOf(first);
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(sealedText));
    }

    [Fact]
    public async Task A_rotated_out_certificate_still_decrypts_the_keys_written_under_it()
    {
        var old = WriteCertificate("old.pfx", "Cert-pass-1");
        var current = WriteCertificate("new.pfx", "Cert-pass-1");
        using var before = new StudyHubFactory().With("DataProtection:CertificatePath", old).With("DataProtection:CertificatePassword", "Cert-pass-1");
        var sealedText = Protector(before).Protect("sealed before the rotation");
        Assert.NotEmpty(await StoredKeysAsync(before));

        using var after = new StudyHubFactory().SharingDatabaseOf(before)
            .With("DataProtection:CertificatePath", current).With("DataProtection:CertificatePassword", "Cert-pass-1")
            .With("DataProtection:PreviousCertificatePaths:0", old);

        Assert.Equal("sealed before the rotation", Protector(after).Unprotect(sealedText));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_one_line_naming_the_setting()
    {
        var certificate = WriteCertificate("current.pfx", "Cert-pass-1");

        var run = await ServerProcess.RunAsync("--urls", "http://127.0.0.1:0",
            "--DataDirectory", Path.Combine(_folder, "data"),
            "--DataProtection:CertificatePath", certificate, "--DataProtection:CertificatePassword", "wrong");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"Configuration error: DataProtection:CertificatePath: cannot read the certificate '{certificate}'", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IDataProtector Protector(StudyHubFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");

    private static async Task<List<string>> StoredKeysAsync(StudyHubFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        return await db.DataProtectionKeys.Select(key => key.Xml!).ToListAsync();
    }

    private string WriteCertificate(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=StudyHub Data Protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
