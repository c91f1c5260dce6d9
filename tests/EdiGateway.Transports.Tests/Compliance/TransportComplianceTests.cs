using System.Text;

namespace EdiGateway.Transports.Tests.Compliance;

/// <summary>The suite every transport passes: send, receive, restart, transient failure, duplicate delivery.</summary>
public abstract class TransportComplianceTests : IAsyncLifetime
{
    private ITransportHarness _harness = null!;

    protected abstract Task<ITransportHarness> CreateHarnessAsync();

    public async Task InitializeAsync() => _harness = await CreateHarnessAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static byte[] Doc(string id) => Encoding.ASCII.GetBytes("ST*850*" + id + "~BEG*00*SA*" + id + "**20261202~SE*2*" + id + "~\r\n");

    [Fact]
    public async Task Send_ThenReceive_StoredOnceWithSameBytes()
    {
        await _harness.SendAsync("po-1.x12", Doc("0001"));
        await _harness.ReceiveAsync();

        var stored = Assert.Single(_harness.Sink.Stored);
        Assert.Equal(Doc("0001"), stored.Content.ToArray());
        Assert.Equal("po-1.x12", stored.FileName);
    }

    [Fact]
    public async Task Restart_BetweenSendAndReceive_StoredOnce()
    {
        await _harness.SendAsync("po-2.x12", Doc("0002"));
        await _harness.RestartAsync();
        await _harness.ReceiveAsync();
        await _harness.ReceiveAsync();

        Assert.Equal(Doc("0002"), Assert.Single(_harness.Sink.Stored).Content.ToArray());
    }

    [Fact]
    public async Task TransientFailure_FarSideDownDuringSend_RetriedAndDelivered()
    {
        await _harness.BreakAsync();
        var send = _harness.SendAsync("po-3.x12", Doc("0003"));
        await Task.Delay(700);
        await _harness.RepairAsync();
        await send;
        await _harness.ReceiveAsync();

        Assert.Equal(Doc("0003"), Assert.Single(_harness.Sink.Stored).Content.ToArray());
    }

    [Fact]
    public async Task DuplicateDelivery_SameDocumentTwice_StoredOnce()
    {
        await _harness.SendAsync("po-4.x12", Doc("0004"));
        await _harness.ReceiveAsync();
        await _harness.DeliverDuplicateAsync("po-4.x12", Doc("0004"));
        await _harness.ReceiveAsync();

        Assert.Single(_harness.Sink.Stored);
    }
}
