namespace NbsRoundup.Web.Sharing;

public static class SharingRegistration
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration("Site");
        services.AddSingleton<PublicAddresses>();
        return services;
    }
}
