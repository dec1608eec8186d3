using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Tests.Planning;

/// <summary>The measured-energy entry of Eqs. (3) and (6), against values computed by hand.</summary>
public sealed class CostModelTests
{
    /// <summary>
    /// Paper powers (P_tx 0.01 W, P_rx 0.1 W, P_E 5.34 W, P_d 2.8 W), 0.5 s transmitting, 0.25 s receiving, 2 s inferring:
    /// 0.01·0.5 + (0.1 + 5.34)·0.25 + 2.8·2 = 0.005 + 1.36 + 5.6 = 6.965 J.
    /// </summary>
    [Fact]
    public void MeasuredDeviceEnergyJoules_PaperPowers_MatchesHandComputedEq6()
    {
        var joules = CostModel.MeasuredDeviceEnergyJoules(new DeviceProfile(), 0.5, 0.25, 2.0);
        Assert.Equal(6.965, joules, 12);
    }

    /// <summary>Without local inference it is Eq. (3) summed over requests: P_tx·ΣT_in + (P_rx + P_E)·ΣT_res.</summary>
    [Fact]
    public void MeasuredDeviceEnergyJoules_NoCompute_IsEq3OverTheSummedTransfers()
    {
        var device = new DeviceProfile { TxPower = new Watts(0.2), RxPower = new Watts(0.3), BasebandPower = new Watts(1.7), ComputePower = new Watts(9) };
        // 0.2·1.5 + (0.3 + 1.7)·0.04 = 0.3 + 0.08 = 0.38 J; equal to three requests of Eq. (3) at 0.5 s up and 0.04/3 s down.
        var joules = CostModel.MeasuredDeviceEnergyJoules(device, 1.5, 0.04, 0.0);
        Assert.Equal(0.38, joules, 12);
        Assert.Equal(CostModel.EdgeDeviceEnergyJoules(0.2, 0.5, 2.0, 0.04 / 3).At(3), joules, 12);
    }
}
