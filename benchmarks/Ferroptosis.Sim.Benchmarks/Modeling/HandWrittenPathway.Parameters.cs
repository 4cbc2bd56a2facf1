namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <content>The parameter values of one run, named as in the Antimony file, with drug terms and K^n folded once.</content>
public sealed partial class HandWrittenPathway
{
    private sealed class Parameters
    {
        public Parameters(Func<string, double> get)
        {
            // Nrf2 (7.1) and Keap1 (6.4).
            CNsyn = get("c_Nsyn");
            KNSyn = get("kN_syn");
            KNInd = get("kN_ind");
            KNKeap = get("kN_keap");
            NE = get("n_E");
            KEn = Math.Pow(get("K_E"), NE);
            ER = get("e_R");
            EL = get("e_L");
            DrugElectrophile = (get("sfn") / get("K_SFN")) + (get("tbhq") / get("K_TBHQ")) + (get("dmf") / get("K_DMF")) + (get("mel") / get("K_MEL"));
            NT = get("n_T");
            KTn = Math.Pow(get("K_T"), NT);
            Ml385Factor = 1 + (get("ml385") / get("IC50_ML385"));
            CAre = get("c_ARE");
            F1 = get("f1");

            // HO-1 and heme (7.2, 7.3).
            Km = get("k_m");
            Kp = get("k_p");
            CHo = get("c_HO");
            HoOe = get("HO_OE");
            BHo = get("b_HO");
            AHo = get("A_HO");
            AHh = get("A_HH");
            NBh = get("n_BH");
            KBhN = Math.Pow(get("K_BH"), NBh);
            AJun = get("A_JUN");
            KJun = get("K_JUN");
            T0 = get("T0");
            H0 = get("H0");
            KRel = get("k_rel");
            CHrel = get("c_Hrel");
            ARh = get("a_RH");
            KInc = get("k_inc");
            KHexp = get("k_Hexp");
            KHob = get("k_HOb");
            RSyn = get("R_syn");
            VHo1 = get("V_HO1");
            VHo2 = get("V_HO2");
            KmHo = get("Km_HO");
            IHo = 1 + (get("znpp") / get("Ki_ZnPP")) + (get("snpp") / get("Ki_SnPP"));
            HeminInflux = get("k_hemin") * get("hemin");
            KBrClear = get("k_BR");
            ABr = get("a_BR");
            KBr = get("K_BR");

            // Iron (7.4).
            KTf = get("k_tf");
            TfSat = get("TfSat");
            NtbiInflux = get("k_ntbi") * get("fac");
            KEx = get("k_ex");
            KUse = get("k_use");
            DfoRate = get("k_dfo") * get("dfo");
            KSt = get("k_st");
            Cap = get("Cap");
            KFt = get("k_FT");
            CFt = get("c_FT");
            CNcoa4 = get("c_NCOA4");
            KTfr = get("k_TfR");
            CTfr = get("c_TfR");
            NIrp = get("n_IRP");
            KIrpN = Math.Pow(get("K_IRP"), NIrp);
            U0 = get("u0");
            D0 = get("d0");
            BFt = get("b_FT");
            AFt = get("A_FT");
            BFpn = get("b_FPN");
            AFpn = get("A_FPN");

            // GSH, xCT, GPX4, AOX (7.5).
            Kx = get("k_x");
            CXct = get("c_XCT");
            BX = get("b_X");
            AX = get("A_X");
            ErastinFactor = 1 + (get("erastin") / get("IC50_ERA"));
            KCys = get("K_cys");
            Vg = get("Vg");
            BGcl = get("b_GCL");
            AGcl = get("A_GCL");
            KiGsh = get("Ki_GSH");
            KGout = get("k_gout");
            KGRos = get("k_gROS");
            KG = get("k_G");
            CGpx4 = get("c_GPX4");
            BG = get("b_G");
            AG = get("A_G");
            GpxInactivation = (get("k_RSL3") * get("rsl3")) + (get("k_ML162") * get("ml162"));
            KAox = get("k_aox");
            BAox = get("b_AOX");
            AAox = get("A_AOX");

            // Peroxide tone (6.3).
            C0Weight = get("c0");
            CAox = get("c_aox");
            CGsh = get("c_gsh");
            KGshR = get("K_gshR");
            C0 = get("C0");
            CRos = get("c_ROS");
            RosX = get("ros_x");
            AHRos = get("a_HROS");

            // Lipid peroxidation and death (6.5, 7.6).
            VGpx = get("V_gpx");
            KGshGpx = get("K_gsh_gpx");
            KLpo = get("K_lpo");
            LMax = get("Lmax");
            Pufa = get("PUFA");
            Rta = get("RTA0") + (get("fer1") / get("K_fer1")) + (get("lip1") / get("K_lip1")) + (get("vitE") / get("K_vitE"));
            Ki = get("k_i");
            Kh = get("k_h");
            Kb = get("k_b");
            KL0 = get("k_l0");
            KD = get("k_d");
            ND = get("n_d");
            LpoThN = Math.Pow(get("LPO_th"), ND);
        }

        public double CNsyn { get; }
        public double KNSyn { get; }
        public double KNInd { get; }
        public double KNKeap { get; }
        public double NE { get; }
        public double KEn { get; }
        public double ER { get; }
        public double EL { get; }
        public double DrugElectrophile { get; }
        public double NT { get; }
        public double KTn { get; }
        public double Ml385Factor { get; }
        public double CAre { get; }
        public double F1 { get; }
        public double Km { get; }
        public double Kp { get; }
        public double CHo { get; }
        public double HoOe { get; }
        public double BHo { get; }
        public double AHo { get; }
        public double AHh { get; }
        public double NBh { get; }
        public double KBhN { get; }
        public double AJun { get; }
        public double KJun { get; }
        public double T0 { get; }
        public double H0 { get; }
        public double KRel { get; }
        public double CHrel { get; }
        public double ARh { get; }
        public double KInc { get; }
        public double KHexp { get; }
        public double KHob { get; }
        public double RSyn { get; }
        public double VHo1 { get; }
        public double VHo2 { get; }
        public double KmHo { get; }
        public double IHo { get; }
        public double HeminInflux { get; }
        public double KBrClear { get; }
        public double ABr { get; }
        public double KBr { get; }
        public double KTf { get; }
        public double TfSat { get; }
        public double NtbiInflux { get; }
        public double KEx { get; }
        public double KUse { get; }
        public double DfoRate { get; }
        public double KSt { get; }
        public double Cap { get; }
        public double KFt { get; }
        public double CFt { get; }
        public double CNcoa4 { get; }
        public double KTfr { get; }
        public double CTfr { get; }
        public double NIrp { get; }
        public double KIrpN { get; }
        public double U0 { get; }
        public double D0 { get; }
        public double BFt { get; }
        public double AFt { get; }
        public double BFpn { get; }
        public double AFpn { get; }
        public double Kx { get; }
        public double CXct { get; }
        public double BX { get; }
        public double AX { get; }
        public double ErastinFactor { get; }
        public double KCys { get; }
        public double Vg { get; }
        public double BGcl { get; }
        public double AGcl { get; }
        public double KiGsh { get; }
        public double KGout { get; }
        public double KGRos { get; }
        public double KG { get; }
        public double CGpx4 { get; }
        public double BG { get; }
        public double AG { get; }
        public double GpxInactivation { get; }
        public double KAox { get; }
        public double BAox { get; }
        public double AAox { get; }
        public double C0Weight { get; }
        public double CAox { get; }
        public double CGsh { get; }
        public double KGshR { get; }
        public double C0 { get; }
        public double CRos { get; }
        public double RosX { get; }
        public double AHRos { get; }
        public double VGpx { get; }
        public double KGshGpx { get; }
        public double KLpo { get; }
        public double LMax { get; }
        public double Pufa { get; }
        public double Rta { get; }
        public double Ki { get; }
        public double Kh { get; }
        public double Kb { get; }
        public double KL0 { get; }
        public double KD { get; }
        public double ND { get; }
        public double LpoThN { get; }
    }
}
