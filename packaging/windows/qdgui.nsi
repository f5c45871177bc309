; NSIS installer for the Windows onedir bundle (dist\qdgui from PyInstaller).
;   makensis /DVERSION=0.1.0 /DSOURCE=..\..\dist\qdgui /DOUTFILE=..\..\dist\qdgui-0.1.0-setup.exe qdgui.nsi
; Installs per user (no administrator rights needed on office laptops) into
; %LOCALAPPDATA%\Programs\qdgui, with Start menu and desktop shortcuts. The data folder
; (%LOCALAPPDATA%\qdgui) belongs to the user: upgrades and uninstalling never touch it.
Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\qdgui"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\qdgui-${VERSION}-setup.exe"
!endif

!include "MUI2.nsh"

Name "qdgui ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\qdgui"
InstallDirRegKey HKCU "Software\qdgui" "InstallDir"
RequestExecutionLevel user
BrandingText "qdgui ${VERSION}"

!define MUI_ICON "..\..\resources\icons\qdgui.ico"
!define MUI_UNICON "..\..\resources\icons\qdgui.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\qdgui.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\qdgui"

Section "qdgui" main
  SectionIn RO
  ; An upgrade replaces the program files only; the previous version's files are removed first
  ; so that no stale module is left behind.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\qdgui"
  CreateShortcut "$SMPROGRAMS\qdgui\城市更新现场台账.lnk" "$INSTDIR\qdgui.exe" "" "$INSTDIR\qdgui.exe" 0
  CreateShortcut "$SMPROGRAMS\qdgui\卸载 qdgui.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\城市更新现场台账.lnk" "$INSTDIR\qdgui.exe" "" "$INSTDIR\qdgui.exe" 0
  WriteRegStr HKCU "Software\qdgui" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "qdgui 城市更新现场台账"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\qdgui.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "qdgui"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Program files only: the database in %LOCALAPPDATA%\qdgui stays for the next install.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\qdgui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\qdgui\*.lnk"
  RMDir "$SMPROGRAMS\qdgui"
  Delete "$DESKTOP\城市更新现场台账.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\qdgui"
SectionEnd
