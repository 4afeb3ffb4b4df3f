namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>Real time plus an offset the test can push forward (idle time-outs, password age, TOTP steps).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Puts the clock at a given moment (then it runs on in real time): a test about a date, before anyone signs in.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _offsetTicks, (at - DateTimeOffset.UtcNow).Ticks);
}
