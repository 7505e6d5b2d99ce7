namespace CacheSpec.Tests.Consistency;

/// <summary>A random editing session: the documents opened (indexes into the seed specs) and the notifications sent, in order.</summary>
internal sealed record EditSequence(int[] Seeds, EditNotification[] Notifications)
{
    public override string ToString() =>
        $"seeds [{string.Join(", ", Seeds.Select(seed => EditSeeds.All[seed % EditSeeds.All.Count].Name))}]\n  "
        + string.Join("\n  ", Notifications.Select(notification => notification.ToString()));
}
