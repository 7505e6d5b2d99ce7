namespace CacheSpec.Tests.Consistency;

/// <summary>A random editing session: the documents opened (indexes into the seed specs), the notifications sent in
/// order, and whether its edits are gentle.</summary>
internal sealed record EditSequence(int[] Seeds, EditNotification[] Notifications, bool Gentle)
{
    public override string ToString() =>
        $"{(Gentle ? "gentle" : "rough")} session, seeds "
        + $"[{string.Join(", ", Seeds.Select(seed => EditSeeds.All[seed % EditSeeds.All.Count].Name))}]\n  "
        + string.Join("\n  ", Notifications.Select(notification => notification.ToString()));
}
