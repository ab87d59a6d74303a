using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace NbsRoundup.Web.Localization;

/// <summary>Simplified Chinese by default, English on request: from the cookie, then Accept-Language.</summary>
public static class PortalLocalization
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>`?lang=en` on any page: the language of this answer.</summary>
    public const string LanguageParameter = "lang";

    public static IMvcBuilder AddPortalLocalization(this IMvcBuilder mvc)
    {
        mvc.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        mvc.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [Chinese, English];
            o.SupportedUICultures = [Chinese, English];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageParameter, UIQueryStringKey = LanguageParameter },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // Model binding's own messages ("The value 'abc' is not valid") in the page's language too.
        mvc.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["'{0}' is not a valid value here.", value]);
            messages.SetValueMustBeANumberAccessor(_ => t["Enter a number."]);
            messages.SetValueMustNotBeNullAccessor(_ => t["Fill in this field."]);
            messages.SetValueIsInvalidAccessor(value => t["'{0}' is not a valid value here.", value]);
        });
        return mvc
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);

    /// <summary>`/culture?c=en&amp;returnUrl=/issues/2021-11`: remembers the reader's language in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (HttpContext context, string? c, string? returnUrl) =>
        {
            var culture = c == "en" ? English : Chinese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? ForLocation(returnUrl)
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// A local address as a Location header can carry it: every byte of its UTF-8 outside visible
    /// ASCII percent-encoded (a page's own address arrives decoded: /organisations/大自然保护协会),
    /// so neither non-ASCII nor a line break reaches the header.
    /// </summary>
    internal static string ForLocation(string address)
    {
        var sb = new System.Text.StringBuilder(address.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(address))
        {
            sb.Append(b is > 0x20 and < 0x7F ? ((char)b).ToString() : $"%{b:X2}");
        }
        return sb.ToString();
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The value for &lt;html lang&gt;.</summary>
    public static string HtmlLang => IsEnglish ? "en" : "zh-CN";
}
