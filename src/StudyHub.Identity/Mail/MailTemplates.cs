using System.Globalization;
using System.Net;
using System.Text;

namespace StudyHub.Identity.Mail;

/// <summary>A mail ready to send: both bodies are rendered from the same paragraphs, so they never say different things.</summary>
internal sealed record OutgoingMail(string To, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// The account mails in English and Spanish (other languages fall back to English until they are
/// translated). Each is a few paragraphs and at most one button; the plain-text part spells the
/// link out for mail programs that show no HTML.
/// </summary>
internal static class MailTemplates
{
    public static OutgoingMail VerifyEmail(string language, string to, string name, Uri link, TimeSpan lifetime) =>
        Spanish(language)
            ? Render("es", to, name, "Confirma tu dirección de correo de StudyHub",
                [$"Hola, {name}:", "Confirma que esta dirección es tuya para que podamos avisarte de tu cuenta y, si eres madre, padre o tutor, para que puedas dar tu consentimiento."],
                ("Confirmar mi dirección", link),
                $"El enlace caduca en {Hours(lifetime)} horas y sirve una sola vez. Si no creaste una cuenta, ignora este correo.")
            : Render("en", to, name, "Confirm your StudyHub email address",
                [$"Hi {name},", "Please confirm that this address is yours, so we can reach you about your account and, if you are a parent or guardian, so you can give consent."],
                ("Confirm my address", link),
                $"The link expires in {Hours(lifetime)} hours and works once. If you did not create an account, ignore this mail.");

    public static OutgoingMail PasswordReset(string language, string to, string name, Uri link, TimeSpan lifetime) =>
        Spanish(language)
            ? Render("es", to, name, "Restablece tu contraseña de StudyHub",
                [$"Hola, {name}:", "Alguien (esperamos que tú) pidió restablecer la contraseña de tu cuenta. Al elegir una nueva, se cerrará la sesión en todos tus dispositivos."],
                ("Elegir una contraseña nueva", link),
                $"El enlace caduca en {Minutes(lifetime)} minutos y sirve una sola vez. Si no lo pediste, ignora este correo: tu contraseña no cambia.")
            : Render("en", to, name, "Reset your StudyHub password",
                [$"Hi {name},", "Someone (hopefully you) asked to reset the password of your account. Choosing a new one signs you out on every device."],
                ("Choose a new password", link),
                $"The link expires in {Minutes(lifetime)} minutes and works once. If you did not ask for it, ignore this mail: your password stays the same.");

    public static OutgoingMail RegistrationAttempt(string language, string to, string name, Uri signIn, Uri forgotPassword) =>
        Spanish(language)
            ? Render("es", to, name, "Alguien intentó crear una cuenta de StudyHub con tu dirección",
                [$"Hola, {name}:", "Alguien intentó crear una cuenta nueva con esta dirección, pero ya tienes una. No se ha creado nada ni ha cambiado nada.",
                    $"Si fuiste tú, inicia sesión: {signIn}"],
                ("¿Olvidaste tu contraseña?", forgotPassword),
                "Si no fuiste tú, no tienes que hacer nada.")
            : Render("en", to, name, "Someone tried to register a StudyHub account with your address",
                [$"Hi {name},", "Someone tried to create a new account with this address, but you already have one. Nothing was created and nothing changed.",
                    $"If it was you, sign in instead: {signIn}"],
                ("Forgot your password?", forgotPassword),
                "If it was not you, there is nothing you need to do.");

    public static OutgoingMail NewDeviceSignIn(string language, string to, string name, string device, string? address, DateTime atUtc, Uri devices) =>
        Spanish(language)
            ? Render("es", to, name, "Nuevo inicio de sesión en tu cuenta de StudyHub",
                [$"Hola, {name}:", $"Se inició sesión en tu cuenta desde un dispositivo nuevo: {device}{(address is null ? "" : $" (dirección {address})")}, el {atUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                    "Si fuiste tú, no tienes que hacer nada. Si no, cierra esa sesión y cambia tu contraseña."],
                ("Ver mis dispositivos", devices),
                null)
            : Render("en", to, name, "New sign-in to your StudyHub account",
                [$"Hi {name},", $"Your account was signed in from a new device: {device}{(address is null ? "" : $" (address {address})")}, on {atUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                    "If this was you, there is nothing to do. If not, sign that device out and change your password."],
                ("See my devices", devices),
                null);

    public static OutgoingMail PasswordWasReset(string language, string to, string name, Uri forgotPassword) =>
        Spanish(language)
            ? Render("es", to, name, "Tu contraseña de StudyHub ha cambiado",
                [$"Hola, {name}:", "La contraseña de tu cuenta se acaba de restablecer y se cerró la sesión en todos tus dispositivos."],
                ("¿No fuiste tú? Restablécela otra vez", forgotPassword),
                "Si fuiste tú, no tienes que hacer nada.")
            : Render("en", to, name, "Your StudyHub password was changed",
                [$"Hi {name},", "The password of your account was just reset, and every device was signed out."],
                ("Not you? Reset it again", forgotPassword),
                "If this was you, there is nothing you need to do.");

    /// <summary>A mail another module wrote (its own words, in <paramref name="language"/>), in the same layout as the account mails.</summary>
    public static OutgoingMail Composed(string language, string to, string name, string subject, IReadOnlyList<string> paragraphs, string actionLabel, Uri action, string? footer) =>
        Render(LanguageChoices.Codes.Contains(language) ? language : "en", to, name, subject, [.. paragraphs], (actionLabel, action), footer);

    private static bool Spanish(string language) => string.Equals(language, "es", StringComparison.OrdinalIgnoreCase);

    private static string Hours(TimeSpan lifetime) => Math.Round(lifetime.TotalHours).ToString(CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan lifetime) => Math.Round(lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static OutgoingMail Render(string language, string to, string name, string subject, string[] paragraphs, (string Label, Uri Url) action, string? footer)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:560px;margin:0 auto;padding:24px\">");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        var url = action.Url.AbsoluteUri;
        text.Append(action.Label).Append(":\n").Append(url).Append("\n\n");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url))
            .Append("\" style=\"display:inline-block;padding:12px 20px;background:#2563eb;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600\">")
            .Append(WebUtility.HtmlEncode(action.Label)).Append("</a></p>")
            .Append("<p style=\"font-size:14px;color:#4b5563\">").Append(WebUtility.HtmlEncode(url)).Append("</p>");
        if (footer is not null)
        {
            text.Append(footer).Append('\n');
            html.Append("<p style=\"font-size:14px;color:#4b5563\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>");
        }

        text.Append("\n— StudyHub\n");
        html.Append("<p>— StudyHub</p></body></html>");
        return new OutgoingMail(to, name, subject, text.ToString(), html.ToString());
    }
}
