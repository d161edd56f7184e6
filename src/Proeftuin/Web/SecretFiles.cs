namespace Proeftuin.Web;

/// <summary>
/// Secrets as files, the way compose, Podman and Kubernetes hand them to a container: one file per setting, named like
/// its environment variable (<c>ConnectionStrings__Proeftuin</c>, <c>Mail__SmtpPassword</c>), in <c>/run/secrets</c> or
/// the folder <c>App:SecretsDirectory</c> names. A setting in a file wins over the same environment variable, so a
/// secret never has to be in the environment (where <c>docker inspect</c> and crash reports show it).
/// </summary>
public static class SecretFiles
{
    public const string DefaultDirectory = "/run/secrets";

    public static WebApplicationBuilder AddSecretFiles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dir = builder.Configuration["App:SecretsDirectory"] ?? DefaultDirectory;
        if (Directory.Exists(dir)) builder.Configuration.AddKeyPerFile(dir, optional: true, reloadOnChange: false);
        return builder;
    }
}
