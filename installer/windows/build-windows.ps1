# Builds Nitrate's Windows installer (.msi). Run ON WINDOWS x64 from the repository root:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1 [-Gpu]
# Needs: JDK 25 (jpackage; JAVA_HOME), Maven, WiX Toolset 3.14 (candle/light) or 4 on PATH.
# NOT RUN IN THIS PROJECT: written from the Linux build (installer/build-linux.sh), untested.
param([switch]$Gpu)
$ErrorActionPreference = 'Stop'
$flavour = if ($Gpu) { 'gpu' } else { 'cpu' }
$out = "target\installer\windows-$flavour"
$version = ([xml](Get-Content pom.xml)).project.version

Remove-Item -Recurse -Force target\lib -ErrorAction SilentlyContinue
$mvnArgs = @('-B', '-q', 'package', '-DskipTests', '-Dnative.platform=windows-x86_64')
if ($Gpu) { $mvnArgs += '-Pgpu' }
mvn @mvnArgs
if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }

Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
$stage = "$out\input"
New-Item -ItemType Directory -Force "$stage\native\onnxruntime" | Out-Null
Copy-Item target\nitrate.jar $stage
Copy-Item -Recurse target\lib "$stage\lib"

# ONNX Runtime: keep only win-x64's libraries, as files beside the jars; drop every native from the jar.
Add-Type -AssemblyName System.IO.Compression.FileSystem
$ortJar = Get-ChildItem "$stage\lib\onnxruntime*.jar" | Select-Object -First 1
$zip = [System.IO.Compression.ZipFile]::Open($ortJar.FullName, 'Update')
foreach ($entry in @($zip.Entries)) {
    if ($entry.FullName -like 'ai/onnxruntime/native/*') {
        if ($entry.FullName -like 'ai/onnxruntime/native/win-x64/*.dll' -and $entry.Name -notlike '*tensorrt*') {
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, "$stage\native\onnxruntime\$($entry.Name)", $true)
        }
        $entry.Delete()
    }
}
$zip.Dispose()

$jpackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
& $jpackage '@installer/windows/msi.args' --input $stage --dest $out --app-version $version
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem $out\*.msi | ForEach-Object { "{0} {1:N0} MB" -f $_.Name, ($_.Length / 1MB) }
