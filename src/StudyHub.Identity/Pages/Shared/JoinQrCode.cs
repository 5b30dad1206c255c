using QRCoder;

namespace StudyHub.Identity.Pages.Shared;

/// <summary>The join link as a QR code, drawn on the server as a PNG data URI (the CSP allows data: images, not inline SVG styles).</summary>
internal static class JoinQrCode
{
    public static string DataUri(string url)
    {
        // Medium error correction survives a projector's glare; 8 px modules stay sharp at the shown size.
        var png = PngByteQRCodeHelper.GetQRCode(url, QRCodeGenerator.ECCLevel.M, 8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
