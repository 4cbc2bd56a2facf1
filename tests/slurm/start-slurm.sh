#!/usr/bin/env bash
# Starts a single-node Slurm (munged, slurmctld, slurmd) in a temporary folder, bound to 127.0.0.1, for the ensemble
# backend's tests. Needs Debian's munge, slurmctld, slurmd and slurm-client packages and root (no systemd is used).
# Usage: tests/slurm/start-slurm.sh [DIR]   (default /tmp/ferrosim-slurm)
# Prints the line `export SLURM_CONF=DIR/slurm.conf`; stop everything with tests/slurm/stop-slurm.sh DIR (by PID).
# Ports: FERROSIM_SLURMCTLD_PORT (default 16817) and FERROSIM_SLURMD_PORT (default 16818), so another Slurm on the
# machine is left alone. MaxArraySize: FERROSIM_SLURM_MAX_ARRAY_SIZE (default 1001).
set -euo pipefail
dir="${1:-/tmp/ferrosim-slurm}"
ctld_port="${FERROSIM_SLURMCTLD_PORT:-16817}"
slurmd_port="${FERROSIM_SLURMD_PORT:-16818}"
max_array="${FERROSIM_SLURM_MAX_ARRAY_SIZE:-1001}"
for tool in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start-slurm.sh: '$tool' is not installed (apt-get install munge slurmctld slurmd slurm-client)" >&2; exit 1; }
done
if [ -e "$dir/slurmctld.pid" ] || [ -e "$dir/slurmd.pid" ] || [ -e "$dir/munged.pid" ]; then
  "$(dirname "${BASH_SOURCE[0]}")/stop-slurm.sh" "$dir" || true
fi
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir/munge"
host="$(hostname -s)"
cpus="$(nproc)"

# munge with its own key and socket, so a system munged (if any) is not touched.
[ -s "$dir/munge/munge.key" ] || { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none; }
chmod 400 "$dir/munge/munge.key"
munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"

cat > "$dir/slurm.conf" <<CONF
ClusterName=ferrosim-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
MaxArraySize=$max_array
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"

# Wait until the node is idle (at most 30 s).
for _ in $(seq 1 60); do
  state="$(sinfo -h -N -o '%t' 2>/dev/null | head -n 1 || true)"
  case "$state" in idle*|mix*|alloc*) echo "export SLURM_CONF=$SLURM_CONF"; exit 0 ;; esac
  sleep 0.5
done
echo "start-slurm.sh: the node did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
exit 1
