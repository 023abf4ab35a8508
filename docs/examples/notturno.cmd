@echo off
rem MyPay Desk, the nightly job (Windows Task Scheduler): the same steps as notturno.sh.
rem Sends the pending changes of every list, downloads new receipts, imports the FdR/OPI files left in
rem %ARRIVI%, reconciles. Output goes where the task sends it (see README.md, "Da riga di comando").
rem Exit code 0 when every step succeeded, else that of the first failed step (1 data/configuration,
rem 3 portal unreachable or refusing).
setlocal EnableDelayedExpansion
if not defined MYPAY_DESK_WORKSPACE set "MYPAY_DESK_WORKSPACE=D:\MyPayDesk\ufficio"
if not defined MYPAY_DESK set "MYPAY_DESK=%LOCALAPPDATA%\Programs\MyPay Desk\mypay-desk-cli.exe"
if not defined ARRIVI set "ARRIVI=%MYPAY_DESK_WORKSPACE%\arrivi"
set ESITO=0

echo == %DATE% %TIME% MyPay Desk, lavoro notturno su %MYPAY_DESK_WORKSPACE%
call :passo portal test --wait 300
if !RC! neq 0 goto riconcilia
call :passo sync push --all --wait
call :passo sync receipts

:riconcilia
if not exist "%ARRIVI%\importati" mkdir "%ARRIVI%\importati"
for %%F in ("%ARRIVI%\*.*") do (
    call :passo reconcile import "%%~fF"
    if !RC! equ 0 move /Y "%%~fF" "%ARRIVI%\importati\" >nul
)
call :passo reconcile run
call :passo reconcile summary
echo == %DATE% %TIME% fine, esito %ESITO%
exit /b %ESITO%

:passo
"%MYPAY_DESK%" %*
set RC=%ERRORLEVEL%
echo -- mypay-desk %*: esito %RC%
if %RC% neq 0 if %ESITO% equ 0 set ESITO=%RC%
exit /b %RC%
