using QRCoder;

namespace Timmy.Web.Components.Lightning;

/// <summary>An invoice as a QR code a wallet scans: <c>lightning:</c> and the invoice in upper case (a QR code holds
/// upper-case letters and digits in its compact alphanumeric mode), drawn as SVG on the server and handed to an
/// <c>img</c> as a data URI, so the page's style policy needs no exception for the SVG's own attributes.</summary>
public static class InvoiceQrCode
{
    public static string Payload(string bolt11) => "LIGHTNING:" + bolt11.Trim().ToUpperInvariant();

    public static string DataUri(string bolt11)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Payload(bolt11), QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
