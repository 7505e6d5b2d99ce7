namespace CacheSpec.Server.Cli;

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
}
