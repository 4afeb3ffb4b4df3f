namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>Real time plus an offset the test can push forward (idle time-outs, password age, TOTP steps).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
