#!/bin/sh
# MyPay Desk, the nightly job (cron): sends the pending changes of every list to the portal, downloads new
# receipts, imports the reporting (FdR) and treasury (OPI) files left in a folder, reconciles, and writes
# what it did to stdout (cron appends it to a log). See README.md, "Da riga di comando".
#
#   MYPAY_DESK_WORKSPACE  the workspace (required)
#   MYPAY_DESK            the program (default: mypay-desk on the PATH; e.g. /opt/mypay-desk/mypay-desk)
#   ARRIVI                folder of FdR/OPI files to import (default: $MYPAY_DESK_WORKSPACE/arrivi);
#                         imported files are moved to $ARRIVI/importati
#
# Exit status 0 when every step succeeded, else that of the first step that failed (1: data or
# configuration, the log says what to fix; 3: the portal could not be reached or refused).
set -u
: "${MYPAY_DESK_WORKSPACE:?imposta MYPAY_DESK_WORKSPACE (lo spazio di lavoro)}"
export MYPAY_DESK_WORKSPACE
MYPAY_DESK=${MYPAY_DESK:-mypay-desk}
ARRIVI=${ARRIVI:-$MYPAY_DESK_WORKSPACE/arrivi}
esito=0

passo() {  # one step: run it, log its exit status, remember the first failure
    "$MYPAY_DESK" "$@"
    rc=$?
    echo "-- mypay-desk $*: esito $rc"
    if [ "$rc" -ne 0 ] && [ "$esito" -eq 0 ]; then esito=$rc; fi
    return "$rc"
}

echo "== $(date '+%Y-%m-%d %H:%M:%S') MyPay Desk, lavoro notturno su $MYPAY_DESK_WORKSPACE"
# After a reboot the network may come up late: wait up to 5 minutes for the portal.
if passo portal test --wait 300; then
    passo sync push --all --wait
    passo sync receipts
fi
mkdir -p "$ARRIVI/importati"
for f in "$ARRIVI"/*; do
    [ -f "$f" ] || continue
    if passo reconcile import "$f"; then mv "$f" "$ARRIVI/importati/"; fi
done
passo reconcile run
passo reconcile summary
echo "== $(date '+%Y-%m-%d %H:%M:%S') fine, esito $esito"
exit "$esito"
