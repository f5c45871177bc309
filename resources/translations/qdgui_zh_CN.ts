<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Access</name>
    <message>
        <location filename="../../qdgui/models/access.py" line="252"/>
        <source>{name} cannot be a user name: use small Latin letters, digits and _ (for example zhanghan_wangli).</source>
        <translation>{name} 不能作为用户名：请用小写拉丁字母、数字和 _（例如 zhanghan_wangli）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="259"/>
        <source>{level} is not a level (street, district or city)</source>
        <translation>{level} 不是级别（应为 street 街道、district 区或 city 市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="262"/>
        <source>A user needs a password.</source>
        <translation>用户需要设置密码。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="266"/>
        <source>There is no district {code}.</source>
        <translation>没有区（市）{code}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="269"/>
        <source>There is no street {street} in district {district}.</source>
        <translation>区（市）{district} 中没有街道 {street}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="380"/>
        <source>Only the command office&apos;s accounts set annual targets.</source>
        <translation>只有市指挥部的账户可以设定年度目标。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="384"/>
        <source>The command office&apos;s account {user} reads every place; it does not enter records.</source>
        <translation>市指挥部的账户 {user} 只读取各地数据，不录入记录。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/access.py" line="394"/>
        <source>Your server account {user} enters records of {place} only.</source>
        <translation>您的服务器账户 {user} 只能录入{place}的记录。</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../qdgui/cli.py" line="17"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="18"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="19"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="20"/>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="21"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="22"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="23"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="24"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="25"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="26"/>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="27"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="28"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="29"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../qdgui/views/tasks.py" line="64"/>
        <source>An unexpected error stopped the work; nothing was written. The details are in the log file {path}</source>
        <translation>发生了意外错误，操作已停止，没有写入任何内容。详细信息记录在日志文件 {path}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="34"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="38"/>
        <source>qdgui backs the database up before every import, merge, undo of an import, upgrade and restore (the last 10 of each kind are kept, in {folder}). Restoring puts the selected backup in place of the database; what it holds now is backed up first.</source>
        <translation>qdgui 在每次导入、合并、撤销导入、程序升级和恢复之前都会备份数据库（每类保留最近 10 份，位于 {folder}）。恢复即用所选备份替换当前数据库；替换前先把当前内容另行备份。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="45"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="45"/>
        <source>Before</source>
        <translation>备份于此操作之前</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="45"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="51"/>
        <source>&amp;Restore the selected backup...</source>
        <translation>恢复所选备份(&amp;R)……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="69"/>
        <source>an import or merge</source>
        <translation>导入或合并</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="70"/>
        <source>an undo of an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="71"/>
        <source>a program upgrade</source>
        <translation>程序升级</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="72"/>
        <source>a restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="73"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="80"/>
        <source>{size:.1f} MB</source>
        <translation>{size:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="103"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="105"/>
        <source>Put the backup of {when} in place of the database? Everything entered or merged since then is replaced; what the database holds now is backed up first, so this can be undone by restoring that backup.</source>
        <translation>用 {when} 的备份替换当前数据库？此后录入或合并的内容都将被替换；当前内容会先另行备份，可再恢复该备份来撤销。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="117"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/backups_dialog.py" line="121"/>
        <source>Restored the backup of {when}; what the database held before is in {name}.</source>
        <translation>已恢复 {when} 的备份；恢复前的数据另存为 {name}。</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="44"/>
        <source>Import batches</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="49"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="50"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="51"/>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="52"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="53"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="54"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="55"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="64"/>
        <source>Undo the chosen batch</source>
        <translation>撤销所选批次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="65"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="82"/>
        <source>Merge</source>
        <translation>合并台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="82"/>
        <source>Ledger import</source>
        <translation>导入手工台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="82"/>
        <source>Targets</source>
        <translation>导入目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="86"/>
        <source>Undone {at}</source>
        <translation>已于 {at} 撤销</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="116"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="117"/>
        <source>Put every record of batch {id} back as it was before the import? A backup is taken first.</source>
        <translation>把批次 {id} 的每条记录恢复到导入前的样子？撤销前会先备份数据库。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="146"/>
        <source>Not undone</source>
        <translation>未撤销</translation>
    </message>
</context>
<context>
    <name>Boundaries</name>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="42"/>
        <location filename="../../qdgui/models/boundaries.py" line="45"/>
        <location filename="../../qdgui/models/boundaries.py" line="50"/>
        <source>a feature is not a Polygon or MultiPolygon</source>
        <translation>有要素不是 Polygon 或 MultiPolygon</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="57"/>
        <source>the file is larger than 50 MiB</source>
        <translation>文件大于 50 MiB</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="61"/>
        <source>it is not a readable GeoJSON file (line {line}, column {column})</source>
        <translation>不是可读取的 GeoJSON 文件（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="66"/>
        <source>it is not UTF-8 text</source>
        <translation>不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="68"/>
        <source>it cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="71"/>
        <source>it holds no FeatureCollection</source>
        <translation>其中没有 FeatureCollection</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="85"/>
        <source>the outline of {name} cannot be read ({error})</source>
        <translation>{name}的边界无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="91"/>
        <source>the outline of {name} is not in longitude and latitude</source>
        <translation>{name}的边界坐标不是经纬度</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/boundaries.py" line="97"/>
        <source>no feature names one of the city&apos;s districts</source>
        <translation>没有要素对应本市的区（市）</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <location filename="../../qdgui/views/charts.py" line="66"/>
        <source>Save as picture</source>
        <translation>保存为图片</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/charts.py" line="115"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/charts.py" line="117"/>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../qdgui/app.py" line="39"/>
        <source>qdgui: --db needs a file name (leave --db out for the default database).</source>
        <translation>qdgui：--db 需要一个文件名（要用默认数据库，请不写 --db）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="59"/>
        <source>There is no database file {path}. Commands read an existing database; check the path (or make a new one with the demo command, or by opening it in the window).</source>
        <translation>没有数据库文件 {path}。命令只读取已有的数据库：请检查路径（新建数据库请用 demo 命令，或在窗口中打开）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="93"/>
        <source>cannot use {path}: {reason}</source>
        <translation>无法使用 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="95"/>
        <source>Free some space on that disk (or choose a file on another disk), then try again.</source>
        <translation>请先腾出该磁盘的空间（或换用其他磁盘上的文件），再重试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="97"/>
        <source>Check that the folder exists and that you may write to it, or choose another file with --db.</source>
        <translation>请确认该文件夹存在且有写入权限，或用 --db 选择另一个文件。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="108"/>
        <source>Restore the file from a backup in the backups folder beside it.</source>
        <translation>请用同一文件夹下 backups 中的备份恢复该文件。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="32"/>
        <location filename="../../qdgui/app.py" line="114"/>
        <location filename="../../qdgui/app.py" line="140"/>
        <location filename="../../qdgui/cli.py" line="344"/>
        <location filename="../../qdgui/cli_export.py" line="125"/>
        <location filename="../../qdgui/cli_import.py" line="104"/>
        <location filename="../../qdgui/cli_import.py" line="117"/>
        <location filename="../../qdgui/cli_import.py" line="156"/>
        <location filename="../../qdgui/cli_import.py" line="165"/>
        <location filename="../../qdgui/cli_photo.py" line="46"/>
        <location filename="../../qdgui/cli_server.py" line="37"/>
        <source>qdgui: {message}</source>
        <translation>qdgui：{message}</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="151"/>
        <source>the disk is full (nothing was changed)</source>
        <translation>磁盘已满（未做任何改动）</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="152"/>
        <location filename="../../qdgui/app.py" line="153"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="154"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="155"/>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="156"/>
        <source>reading or writing the disk failed</source>
        <translation>读写磁盘失败</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="165"/>
        <source>Use the window that is already open, or close it first. Only one qdgui at a time may write to a database file.</source>
        <translation>请使用已经打开的窗口，或先将其关闭。同一个数据库文件同时只能由一个 qdgui 写入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/app.py" line="139"/>
        <location filename="../../qdgui/app.py" line="171"/>
        <source>Nothing was changed.</source>
        <translation>没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="48"/>
        <source>Error in the command line: {detail}</source>
        <translation>命令行有误：{detail}</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="58"/>
        <source>database file to open (default: the one in your data folder), or a district server&apos;s address postgresql://user@host:port/dbname</source>
        <translation>要打开的数据库文件（默认：数据文件夹中的那个），或区级服务器的地址 postgresql://用户@主机:端口/数据库名</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="68"/>
        <source>who is entering records (default: from settings)</source>
        <translation>录入人（默认：取自设置）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="71"/>
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="81"/>
        <source>qdgui: field records of Qingdao&apos;s urban-renewal campaign. Without a command, opens the window.</source>
        <translation>qdgui：青岛城市更新攻坚行动现场台账。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="94"/>
        <source>check that this installation works (in a temporary folder) and exit</source>
        <translation>检查本安装是否可用（在临时文件夹中进行）后退出</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="100"/>
        <source>with --self-test: save the rendered main window to this file</source>
        <translation>与 --self-test 一起使用：把绘制的主窗口保存到此文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="102"/>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="104"/>
        <source>fill the database with a realistic demo data set</source>
        <translation>向数据库写入一套真实感的演示数据</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="106"/>
        <source>random seed of the demo data</source>
        <translation>演示数据的随机种子</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="107"/>
        <source>print how many records the database holds</source>
        <translation>显示数据库中各类记录的数量</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="109"/>
        <source>print the change history of one record</source>
        <translation>显示一条记录的修改历史</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="111"/>
        <source>the record&apos;s UUID</source>
        <translation>记录的 UUID</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="112"/>
        <source>write an Excel workbook</source>
        <translation>导出 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="113"/>
        <source>what</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="115"/>
        <source>the weekly report for the command office</source>
        <translation>报送总指挥部办公室的周报</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="120"/>
        <source>the week, as 2026-W47 or a date inside it (default: the last complete week)</source>
        <translation>周次，写作 2026-W47 或该周内的某一天（默认：最近一个已结束的周）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="124"/>
        <location filename="../../qdgui/cli.py" line="151"/>
        <source>DISTRICT</source>
        <translation>区划</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="125"/>
        <source>district or street code or name, or &apos;city&apos; (default: this laptop&apos;s district)</source>
        <translation>区（市）或街道的代码或名称，或 city 表示全市（默认：本机所属区）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="127"/>
        <location filename="../../qdgui/cli.py" line="148"/>
        <source>where to write the workbook</source>
        <translation>工作簿保存位置</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="131"/>
        <source>add a sheet of the week&apos;s finished cases and completed parks with their photos</source>
        <translation>增加一页：本周办结的拆违案件和完工的公园及其照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="136"/>
        <source>areas in 万平方米 (wan) or ㎡ (m2); default: as last set, else wan</source>
        <translation>面积单位：万平方米（wan）或平方米（m2）；默认沿用上次的选择，否则为万平方米</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="139"/>
        <source>the return&apos;s form number (表号; default: from the settings)</source>
        <translation>报表的表号（默认取自设置）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="140"/>
        <source>the office that issued the form (制表机关)</source>
        <translation>制表机关</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="141"/>
        <source>head of the reporting unit (单位负责人)</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="142"/>
        <source>head of statistics (统计负责人)</source>
        <translation>统计负责人</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="143"/>
        <source>who filled in the return (填表人; default: the operator)</source>
        <translation>填表人（默认：录入人）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="144"/>
        <source>contact telephone (联系电话)</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="146"/>
        <source>TEXT</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="147"/>
        <source>every record, one sheet per kind</source>
        <translation>全部记录，每类一个工作表</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="152"/>
        <source>only one district&apos;s or street&apos;s records, by code or name (default: every record)</source>
        <translation>只导出一个区（市）或街道的记录，写代码或名称（默认：全部记录）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="157"/>
        <source>write codes instead of names for districts, streets and choices</source>
        <translation>区划和选项写代码而不是名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="162"/>
        <source>leave out deleted records (other laptops then cannot merge deletions)</source>
        <translation>不导出已删除的记录（其他电脑将无法合并删除）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="167"/>
        <source>this laptop&apos;s return package: the full ledger and every photo, in one .zip</source>
        <translation>本机回传包：完整台账和全部照片，打成一个 .zip</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="169"/>
        <source>where to write the package</source>
        <translation>回传包保存位置</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="174"/>
        <source>import a workbook: another laptop&apos;s ledger export (merged), a hand-kept ledger or a target list</source>
        <translation>导入工作簿：其他电脑导出的台账（合并）、手工台账或目标任务表</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="191"/>
        <source>only print what would be imported and every problem; write nothing</source>
        <translation>只显示将导入的内容和每个问题，不写入数据库</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="194"/>
        <source>what the sheets hold (default: recognised from their headers)</source>
        <translation>工作表的内容类别（默认：按表头识别）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="200"/>
        <source>SHEET!COLUMN=FIELD</source>
        <translation>工作表!列=字段</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="201"/>
        <source>correct the column mapping, e.g. &apos;签约!F=signed_on&apos; or &apos;F=&apos; to ignore column F (repeatable)</source>
        <translation>更正列的对应关系，如 &apos;签约!F=signed_on&apos;，或 &apos;F=&apos; 表示忽略 F 列（可重复）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="209"/>
        <source>HEADER=VALUE</source>
        <translation>表头=值</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="210"/>
        <source>a value for every data row, as if the sheet had a column with that header, e.g. &apos;计划年度=2022&apos; or &apos;签约!街道=中韩街道&apos; for one sheet (repeatable)</source>
        <translation>为每个数据行给出同一个值，效果与表格中有一列该表头、每行都填了该值相同，例如 &apos;计划年度=2022&apos;，或只用于一个工作表 &apos;签约!街道=中韩街道&apos;（可重复）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="219"/>
        <source>create the projects and villages the sheet names and the database lacks, in the same batch</source>
        <translation>表格中写到而数据库中没有的项目和村居，在同一导入批次中新建</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="223"/>
        <source>import hidden rows too</source>
        <translation>隐藏行也导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="227"/>
        <source>import a hand-kept sheet even though exactly this file was imported before</source>
        <translation>即使完全相同的文件已导入过，仍再次导入手工台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="232"/>
        <source>merge a qdgui ledger although its sheets were changed after the export</source>
        <translation>合并导出后被改动过的 qdgui 台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="238"/>
        <source>write the rejected rows, with what is wrong, to this workbook</source>
        <translation>把未导入的行连同错误说明写入此工作簿</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="240"/>
        <source>undo a whole import batch</source>
        <translation>撤销整批导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="241"/>
        <source>list the import batches</source>
        <translation>列出导入批次</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="243"/>
        <source>add or list the photos of a demolition case</source>
        <translation>添加或列出拆违案件的照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="247"/>
        <source>add photos (JPEG, PNG, HEIC) to a case, before demolition</source>
        <translation>为案件添加照片（JPEG、PNG、HEIC），默认为拆除前</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="249"/>
        <location filename="../../qdgui/cli.py" line="257"/>
        <source>CASE_NO</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="249"/>
        <location filename="../../qdgui/cli.py" line="257"/>
        <source>the case number</source>
        <translation>违建编号（案件编号）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="250"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="252"/>
        <source>the photos show the site after demolition</source>
        <translation>照片为拆除后的现场</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="255"/>
        <source>one line per photo: its hash, before/after, date taken</source>
        <translation>每张照片一行：哈希值、拆除前/后、拍摄日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="261"/>
        <source>set up a district or city server (PostgreSQL) and its users</source>
        <translation>设置区级或市级服务器（PostgreSQL）及其用户</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="245"/>
        <location filename="../../qdgui/cli.py" line="263"/>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="183"/>
        <source>the workbook (.xlsx, .xls, .xlsb, .ods), a CSV or tab-separated text file, or a return package (.zip)</source>
        <translation>工作簿（.xlsx、.xls、.xlsb、.ods）、CSV 或制表符分隔的文本文件，或回传包（.zip）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="267"/>
        <source>create the schema, the roles and access by place (as the tables&apos; owner; again after an upgrade)</source>
        <translation>建立数据表、角色和按地点的访问权限（以数据表所有者身份运行；升级后再运行一次）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="272"/>
        <source>create a user or change its place and password</source>
        <translation>新建用户，或修改其地点和密码</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="274"/>
        <source>the user&apos;s login name (small Latin letters, digits, _)</source>
        <translation>用户的登录名（小写拉丁字母、数字、_）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="279"/>
        <source>street: one street&apos;s records; district: a district&apos;s; city: reads all, writes targets</source>
        <translation>street：一个街道的记录；district：一个区的记录；city：查看全部，填写年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="281"/>
        <location filename="../../qdgui/cli.py" line="282"/>
        <source>NAME-OR-CODE</source>
        <translation>名称或代码</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="281"/>
        <source>the district</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="282"/>
        <source>the street</source>
        <translation>街道（镇）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="286"/>
        <source>read the password from standard input (else it is asked for)</source>
        <translation>从标准输入读取密码（否则会提示输入）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="320"/>
        <source>{file}: two databases were given (this one and --db); open one at a time.</source>
        <translation>{file}：给出了两个数据库（这个和 --db 指定的），一次只能打开一个。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="357"/>
        <source>The database already holds records; the demo data goes into an empty one.</source>
        <translation>数据库中已有记录；演示数据只能写入空数据库。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="362"/>
        <source>Demo data written to {path}:</source>
        <translation>演示数据已写入 {path}：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="368"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="375"/>
        <source>No history for {uuid}</source>
        <translation>没有 {uuid} 的修改记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="403"/>
        <source>Communities/villages</source>
        <translation>社区/村居</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="404"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="405"/>
        <source>Annual targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="406"/>
        <source>Relocation signings</source>
        <translation>征迁签约</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="407"/>
        <source>Illegal-building cases</source>
        <translation>拆违案件</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli.py" line="408"/>
        <source>Parks</source>
        <translation>公园建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="88"/>
        <source>qdgui: --week: {message}</source>
        <translation>qdgui：--week：{message}</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="31"/>
        <source>qdgui: --scope: no district or street called &apos;{text}&apos;; write its code (370202) or name (市南区), or &apos;city&apos;.</source>
        <translation>qdgui：--scope：没有名为“{text}”的区（市）或街道；请写代码（370202）或名称（市南区），或写 city 表示全市。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="65"/>
        <source>Return {day}.zip</source>
        <translation>回传包-{day}.zip</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="69"/>
        <source>Return package written to {path}:</source>
        <translation>回传包已写入 {path}：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="75"/>
        <source>{photos} photos ({files} files, {size} MB)</source>
        <translation>{photos} 张照片（{files} 个文件，{size} MB）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="106"/>
        <source>Weekly report written to {path}: {title}</source>
        <translation>周报已保存到 {path}：{title}</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="120"/>
        <source>Ledger written to {path}:</source>
        <translation>台账已保存到 {path}：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="33"/>
        <source>--column &apos;{spec}&apos;: write SHEET!COLUMN=FIELD, e.g. &apos;签约!F=signed_on&apos;.</source>
        <translation>--column &apos;{spec}&apos;：请写成 工作表!列=字段，如 &apos;签约!F=signed_on&apos;。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="40"/>
        <source>--column &apos;{spec}&apos;: no field &apos;{field}&apos;; fields are: {fields}.</source>
        <translation>--column &apos;{spec}&apos;：没有字段“{field}”；可用字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="47"/>
        <source>--column &apos;{spec}&apos;: Excel has no column {column} (the last is XFD).</source>
        <translation>--column “{spec}”：Excel 没有 {column} 列（最后一列是 XFD）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="67"/>
        <source>--set &apos;{spec}&apos;: write HEADER=VALUE, e.g. &apos;计划年度=2022&apos; or &apos;签约!街道=中韩街道&apos;.</source>
        <translation>--set &apos;{spec}&apos;：请写成 表头=值，例如 &apos;计划年度=2022&apos; 或 &apos;签约!街道=中韩街道&apos;。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="74"/>
        <source>--set &apos;{spec}&apos;: no kind of sheet has a column called {header}; write a header as in a ledger, such as 街道, 项目, 计划年度, 发现日期, 结构 or 状态.</source>
        <translation>--set &apos;{spec}&apos;：没有哪类表格有名为“{header}”的列；请按台账中的写法写表头，如 街道、项目、计划年度、发现日期、结构 或 状态。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="94"/>
        <source>undone {at:%Y-%m-%d %H:%M}</source>
        <translation>已于 {at:%Y-%m-%d %H:%M} 撤销</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="107"/>
        <source>Import batch {id} undone: {n} records put back as they were.</source>
        <translation>导入批次 {id} 已撤销：{n} 条记录恢复原状。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="111"/>
        <source>qdgui import: give the workbook to import (or --undo BATCH, or --list).</source>
        <translation>qdgui import：请给出要导入的工作簿（或 --undo 批次号，或 --list）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="133"/>
        <source>qdgui: --column {column}: sheet {sheet} has columns A to {last} only. Nothing was imported.</source>
        <translation>qdgui：--column {column}：工作表“{sheet}”只有 A 到 {last} 列。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="157"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="167"/>
        <source>{n} rejected rows written to {path}.</source>
        <translation>{n} 行未导入的数据已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="173"/>
        <source>ledger</source>
        <translation>台账合并</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="174"/>
        <source>sheet</source>
        <translation>手工台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="175"/>
        <source>targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="184"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="185"/>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="186"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="187"/>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="188"/>
        <source>merged field by field</source>
        <translation>自动逐项合并</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="189"/>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="190"/>
        <source>held back</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="191"/>
        <source>look alike</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="192"/>
        <source>joined</source>
        <translation>合并引用</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="193"/>
        <source>rejected</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="194"/>
        <source>failing the rules</source>
        <translation>不符合规则</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_import.py" line="204"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="20"/>
        <source>qdgui: server commands need a server address: --db postgresql://user@host:port/dbname</source>
        <translation>qdgui：服务器命令需要服务器地址：--db postgresql://用户@主机:端口/数据库名</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="28"/>
        <source>The server {address} is ready: schema, roles and access by place.</source>
        <translation>服务器 {address} 已就绪：数据表、角色和按地点的访问权限。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="43"/>
        <source>qdgui: this user may not set up the server (it must own qdgui&apos;s tables and may create roles). Nothing was changed.</source>
        <translation>qdgui：此用户无权设置服务器（须是 qdgui 数据表的所有者并可创建角色）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="51"/>
        <source>the whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="55"/>
        <source>User {name} ({level}, {place}) is ready.</source>
        <translation>用户 {name}（{level}，{place}）已就绪。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="76"/>
        <source>There is no {what} named {value}.</source>
        <translation>没有名为 {value} 的{what}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="77"/>
        <source>district</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="77"/>
        <source>street</source>
        <translation>街道（镇）</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="88"/>
        <source>A {level} user needs --district (or --street).</source>
        <translation>{level} 级用户需要 --district（或 --street）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="91"/>
        <source>A street user needs --street.</source>
        <translation>街道级用户需要 --street。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="100"/>
        <source>Give the password with --password-stdin, or run this in a terminal.</source>
        <translation>请用 --password-stdin 提供密码，或在终端中运行。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="102"/>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="103"/>
        <source>The same password again: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_server.py" line="104"/>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不同；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="21"/>
        <source>date not known</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="25"/>
        <source>Case {case} has no photos.</source>
        <translation>案件 {case} 尚无照片。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="47"/>
        <source>No photo was added.</source>
        <translation>没有添加任何照片。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="61"/>
        <source>{n} photos added to case {case} ({role}); {same} already there.</source>
        <translation>{n} 张照片已添加到案件 {case}（{role}）；{same} 张此前已有。</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="69"/>
        <source>before</source>
        <translation>拆除前</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="69"/>
        <source>after</source>
        <translation>拆除后</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="74"/>
        <source>qdgui: no demolition case has the number {case}.</source>
        <translation>qdgui：没有编号为 {case} 的拆违案件。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="73"/>
        <location filename="../../qdgui/views/dashboard.py" line="81"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="84"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="85"/>
        <location filename="../../qdgui/views/dashboard.py" line="386"/>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="86"/>
        <location filename="../../qdgui/views/dashboard.py" line="386"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="87"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="88"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="94"/>
        <source>Completion against the annual target</source>
        <translation>年度目标完成情况</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="103"/>
        <source>Done this year</source>
        <translation>本年完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="104"/>
        <source>Annual target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="109"/>
        <source>Signing curve</source>
        <translation>签约进度曲线</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="126"/>
        <source>Illegal buildings removed per week</source>
        <translation>每周拆除违建</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="146"/>
        <source>Parks: planned and completed, by kind</source>
        <translation>公园建设：计划与完工（分类型）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="167"/>
        <source>Charts</source>
        <translation>进度图表</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="168"/>
        <source>Targets and ranking</source>
        <translation>目标与排名</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="169"/>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="170"/>
        <source>Both pages on A4 landscape, for a meeting</source>
        <translation>两页内容排在 A4 横向纸上，供会议使用</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="316"/>
        <source>No {measure} recorded and no target set for {year}.</source>
        <translation>{year}年尚无“{measure}”的记录，也未设定目标。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="336"/>
        <source>No annual target set: completion rates cannot be computed.</source>
        <translation>未设定年度目标，无法计算完成率。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="413"/>
        <source>Progress against the targets</source>
        <translation>目标任务完成进度</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="427"/>
        <source>{place} {year}: {title} (as of {day})</source>
        <translation>{place}{year}年 · {title}（截至 {day}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="447"/>
        <source>Save the dashboard as PDF</source>
        <translation>将进度页导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="448"/>
        <source>Progress {year}.pdf</source>
        <translation>{year}年目标任务进度.pdf</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="449"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="463"/>
        <source>{name}: {done} {unit} this year ({week} this week), target {target}, {rate}</source>
        <translation>{name}：本年完成 {done} {unit}（本周 {week}），年度目标 {target}，完成率 {rate}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="472"/>
        <source>; {caption} {planned}</source>
        <translation>；{caption} {planned}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="477"/>
        <source>Nothing planned yet</source>
        <translation>尚无到期计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="478"/>
        <source>Planned by the end of month {month}</source>
        <translation>截至{month}月底计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="483"/>
        <source>No project yet: add one under Projects and targets.</source>
        <translation>还没有项目：请在“项目与目标”中添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="488"/>
        <source>Signing curve: {name}</source>
        <translation>签约进度曲线：{name}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="490"/>
        <source>No signings recorded for {name} yet.</source>
        <translation>{name} 尚无签约记录。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="498"/>
        <source>Signed ({unit})</source>
        <translation>累计签约（{unit}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="501"/>
        <source>Total {total}</source>
        <translation>总数 {total}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="505"/>
        <source>{done} of {total} {unit} signed</source>
        <translation>已签约 {done} / {total} {unit}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="511"/>
        <source>; at the recent pace, complete by {day}</source>
        <translation>；按近期进度，预计 {day} 完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="517"/>
        <source>; completed on {day}</source>
        <translation>；已于 {day} 全部完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="536"/>
        <source>{day}: {n} signed in all</source>
        <translation>{day}：累计签约 {n}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="566"/>
        <source>No illegal buildings removed in {year} yet.</source>
        <translation>{year}年尚无拆除违建记录。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="572"/>
        <source>Cases (sites)</source>
        <translation>拆除数量（处）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="573"/>
        <source>Area (m2)</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="574"/>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="581"/>
        <source>{n} sites, {area} m2 this year (bars: sites; line: area)</source>
        <translation>本年拆除 {n} 处、{area} ㎡（柱：处数；线：面积）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="595"/>
        <source>Week {n} ({start} to {end}): {count} sites, {area} m2</source>
        <translation>第 {n} 周（{start} 至 {end}）：{count} 处，{area} ㎡</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="609"/>
        <source>No parks planned or completed for {year}.</source>
        <translation>{year}年尚无计划或完工的公园。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dashboard.py" line="638"/>
        <source>{kind}: {done} completed of {planned} planned</source>
        <translation>{kind}：计划 {planned}，已完工 {done}</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../qdgui/models/database.py" line="153"/>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="158"/>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="165"/>
        <source>{path} has {n} names (hard links). qdgui opens a database under one name only; copy the file to a new name (or remove the other links) and open that.</source>
        <translation>{path} 有 {n} 个名称（硬链接）。qdgui 只通过一个名称打开数据库：请把文件复制为一个新名称（或删除其他链接）后再打开。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="173"/>
        <source>No permission to write {path}</source>
        <translation>没有写入 {path} 的权限</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="229"/>
        <source>Another program is using the database file (a backup or a viewer?). Nothing was saved; what you typed is still here. Try again in a moment.</source>
        <translation>另一个程序正在使用数据库文件（备份或查看工具？）。没有写入任何改动，表单里录入的内容仍保留。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="235"/>
        <source>The disk is full. Nothing was saved; what you typed is still here. Free some space, then save again.</source>
        <translation>磁盘已满。没有写入任何改动，表单里录入的内容仍保留。请腾出空间后再保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="240"/>
        <source>The database file cannot be written (read-only). Nothing was saved; what you typed is still here.</source>
        <translation>数据库文件无法写入（只读）。没有写入任何改动，表单里录入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="245"/>
        <source>Reading or writing the disk failed. Nothing was saved; what you typed is still here. Check the disk or USB stick, then save again.</source>
        <translation>读写磁盘失败。没有写入任何改动，表单里录入的内容仍保留。请检查磁盘或U盘后再保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="251"/>
        <source>Your server account may not save records of this place (district and street), or may not change this kind of record. Nothing was saved; what you typed is still here. Check the district and street, or ask the administrator.</source>
        <translation>您的服务器账户无权保存这一地点（区、街道）的记录，或无权修改这类记录。未保存；您填写的内容仍在。请核对区和街道，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="264"/>
        <source>Another clerk saved a record with the same number a moment ago. Nothing was saved; what you typed is still here. Check the number (or open that record), then save again.</source>
        <translation>另一位录入人刚刚保存了编号相同的记录。未保存；您填写的内容仍在。请核对编号（或打开那条记录）后再保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="270"/>
        <source>The connection to the database server was lost. Nothing was saved; what you typed is still here. Save again when the network is back.</source>
        <translation>与数据库服务器的连接已断开。未保存；您填写的内容仍在。网络恢复后请再保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="284"/>
        <source>The database file is damaged: the column {column} of a record holds text that cannot be read. Nothing was written. Restore the file from a backup (File &gt; Backups).</source>
        <translation>数据库文件已损坏：某条记录的 {column} 列中有无法读取的文字。未写入任何内容。请从备份恢复该文件（文件 → 备份与恢复）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="301"/>
        <source>The disk holding {path} is full. The database was not changed. Free some space on that disk, then open it again.</source>
        <translation>{path} 所在的磁盘已满。数据库未被改动。请先腾出该磁盘的空间，再重新打开。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="307"/>
        <source>Another program is using {path} (a backup or a viewer?). Close it and try again.</source>
        <translation>另一个程序正在使用 {path}（备份工具或查看器？）。请关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="310"/>
        <source>Reading or writing the disk holding {path} failed. Check the disk or USB stick, then try again.</source>
        <translation>读写 {path} 所在的磁盘失败。请检查磁盘或U盘，然后重试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="340"/>
        <source>The database file is damaged ({detail}). Restore it from a backup in the backups folder.</source>
        <translation>数据库文件已损坏（{detail}）。请从 backups 文件夹中的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="371"/>
        <source>The database file is damaged ({detail}); nothing was done. Restore a backup (File &gt; Backups) made before the damage.</source>
        <translation>数据库文件已损坏（{detail}），未做任何操作。请恢复损坏之前的备份（文件 → 备份与恢复）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="390"/>
        <source>the disk holding {folder} is full</source>
        <translation>{folder} 所在的磁盘已满</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="394"/>
        <source>No backup could be made ({reason}), so nothing was done. Free some space, then try again.</source>
        <translation>无法备份（{reason}），因此未做任何改动。请先腾出空间，再重试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="103"/>
        <source>The upgraded database has {n} broken references</source>
        <translation>升级后的数据库有 {n} 处关联错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="131"/>
        <location filename="../../qdgui/models/migrate.py" line="219"/>
        <source>This database was written by a newer version of qdgui (schema {rev}); please upgrade qdgui.</source>
        <translation>此数据库由更新版本的 qdgui 写入（结构版本 {rev}），请先升级 qdgui。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="140"/>
        <source>{path} holds qdgui&apos;s tables but not the record of their version (alembic_version is missing or empty): the file is incomplete or damaged. Restore it from a backup in the backups folder.</source>
        <translation>{path} 中有 qdgui 的数据表，却没有它们的版本记录（alembic_version 缺失或为空）：文件不完整或已损坏。请从 backups 文件夹中的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="155"/>
        <source>{path} lacks the table(s) {tables}: the file is incomplete or damaged. Restore it from a backup in the backups folder.</source>
        <translation>{path} 缺少数据表 {tables}：文件不完整或已损坏。请从 backups 文件夹中的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="234"/>
        <source>The server&apos;s database lacks the table(s) {tables}. Ask its administrator.</source>
        <translation>服务器上的数据库缺少数据表 {tables}。请联系其管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="252"/>
        <source>The server&apos;s database must first be brought up to this version of qdgui by its administrator (qdgui server init, as the owner of qdgui&apos;s tables). Nothing was changed.</source>
        <translation>服务器上的数据库须先由其管理员升级到此版本的 qdgui（以 qdgui 数据表所有者的身份运行 qdgui server init）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="321"/>
        <source>{path} is another program&apos;s database, not qdgui&apos;s; qdgui leaves it as it is. Choose a qdgui database file, or a new file name for a new database.</source>
        <translation>{path} 是另一个程序的数据库，不是 qdgui 的；qdgui 不会改动它。请选择一个 qdgui 数据库文件，或用新的文件名新建数据库。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="333"/>
        <source>{path} is not a qdgui database file</source>
        <translation>{path} 不是 qdgui 数据库文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="386"/>
        <source>A server&apos;s database is restored by its administrator, not from qdgui.</source>
        <translation>服务器上的数据库由其管理员恢复，不在 qdgui 中恢复。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="401"/>
        <source>The backup {path} is damaged or not a qdgui database; nothing was changed.</source>
        <translation>备份 {path} 已损坏或不是 qdgui 数据库；未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/migrate.py" line="420"/>
        <source>The backup could not be restored ({reason}); nothing was changed.</source>
        <translation>无法恢复备份（{reason}）；未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="42"/>
        <location filename="../../qdgui/models/server.py" line="46"/>
        <source>{address} is not a database server address</source>
        <translation>{address} 不是数据库服务器地址</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="50"/>
        <source>The server address {address} names no database: write it as postgresql://user@host:port/dbname.</source>
        <translation>服务器地址 {address} 没有写数据库名：请写成 postgresql://用户@主机:端口/数据库名。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="56"/>
        <source>{port} is not a port number</source>
        <translation>{port} 不是端口号</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="87"/>
        <source>The server {address} refused the user name or password. Check them (the password can be kept in ~/.pgpass), or ask the district&apos;s administrator.</source>
        <translation>服务器 {address} 拒绝了用户名或密码。请核对（密码可保存在 ~/.pgpass 中），或联系区里的管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="93"/>
        <source>The server has no database named in {address}. Check the name, or ask its administrator.</source>
        <translation>服务器上没有 {address} 中写的数据库。请核对名称，或联系其管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="97"/>
        <source>The server {address} does not know that user. Ask its administrator.</source>
        <translation>服务器 {address} 没有这个用户。请联系其管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="101"/>
        <source>The server {address} does not let this computer or user connect. Ask its administrator.</source>
        <translation>服务器 {address} 不允许这台电脑或这个用户连接。请联系其管理员。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/server.py" line="105"/>
        <source>Cannot reach the database server {address}: it is switched off, the address is wrong, or the network is down. Nothing was changed; try again when the server is reachable.</source>
        <translation>无法连接数据库服务器 {address}：服务器未开机、地址有误或网络不通。未做任何更改；请在能连上服务器时再试。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/database.py" line="258"/>
        <source>Another clerk&apos;s save held the record for too long. Nothing was saved; what you typed is still here. Try again in a moment.</source>
        <translation>另一位录入人正在保存这条记录，等待时间过长。未保存；您填写的内容仍在。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../qdgui/views/fields.py" line="124"/>
        <source>yyyy-mm-dd</source>
        <translation>如 2026-11-21</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="126"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="127"/>
        <source>Pick from the calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>Describe</name>
    <message>
        <location filename="../../qdgui/models/describe.py" line="41"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/describe.py" line="41"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/describe.py" line="67"/>
        <source>{n} households</source>
        <translation>{n}户</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/describe.py" line="69"/>
        <source>agreement {no}</source>
        <translation>协议{no}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/describe.py" line="72"/>
        <source>(no details)</source>
        <translation>（无详细信息）</translation>
    </message>
</context>
<context>
    <name>DistrictMap</name>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="123"/>
        <source>The boundary file {path} is not used: {problem}</source>
        <translation>未使用边界文件 {path}：{problem}</translation>
    </message>
</context>
<context>
    <name>DivisionsDialog</name>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="41"/>
        <source>Streets and towns</source>
        <translation>街道/镇名录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="51"/>
        <source>Add a street...</source>
        <translation>新增街道/镇…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="52"/>
        <source>Rename...</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="53"/>
        <source>Renaming keeps the official name on record; records keep pointing at the street.</source>
        <translation>改名后仍保留官方名称备查；已有记录仍指向该街道。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="57"/>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="91"/>
        <source>Add a street</source>
        <translation>新增街道/镇</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="91"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="102"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/divisions_dialog.py" line="102"/>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
<context>
    <name>Excel</name>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="152"/>
        <source>Weekly report {scope} {year}-W{number:02d}.xlsx</source>
        <translation>周报-{scope}-{year}年第{number:02d}周.xlsx</translation>
    </message>
    <message>
        <location filename="../../qdgui/cli_export.py" line="109"/>
        <source>Ledger {day}.xlsx</source>
        <translation>台账-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="29"/>
        <source>Cannot write {path}: the file is open in another program (close it in Excel or WPS and try again), or you may not change it.</source>
        <translation>无法写入 {path}：文件正被其他程序打开（请在 Excel 或 WPS 中关闭后重试），或您没有修改它的权限。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="34"/>
        <location filename="../../qdgui/excel/files.py" line="63"/>
        <source>Cannot write in the folder {folder}: permission denied. Choose another folder.</source>
        <translation>无法在文件夹 {folder} 中写入：没有权限。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="38"/>
        <source>Cannot write {path}: the disk is full.</source>
        <translation>无法写入 {path}：磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="40"/>
        <location filename="../../qdgui/excel/files.py" line="57"/>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="44"/>
        <location filename="../../qdgui/excel/files.py" line="52"/>
        <source>{path} is a folder; give a file name ending in .xlsx.</source>
        <translation>{path} 是文件夹；请给出以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="45"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/files.py" line="54"/>
        <source>{path}: the file name must end in .xlsx.</source>
        <translation>{path}：文件名必须以 .xlsx 结尾。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="57"/>
        <source>Record ID (UUID)</source>
        <translation>记录编号（UUID）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="60"/>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="61"/>
        <source>Updated (UTC)</source>
        <translation>更新时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="63"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="65"/>
        <source>Merged from file</source>
        <translation>合并来源文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="66"/>
        <source>Version clock</source>
        <translation>版本时钟</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="67"/>
        <source>Field versions</source>
        <translation>字段版本</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="94"/>
        <source>Project ID</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="94"/>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="96"/>
        <source>Community/village ID</source>
        <translation>社区/村编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="97"/>
        <source>Community/village name</source>
        <translation>社区/村名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="132"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="151"/>
        <source>Annual targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="167"/>
        <source>Communities and villages</source>
        <translation>社区和村</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="32"/>
        <location filename="../../qdgui/models/kinds.py" line="180"/>
        <source>Relocation signings</source>
        <translation>征迁签约</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="35"/>
        <location filename="../../qdgui/models/kinds.py" line="203"/>
        <source>Illegal buildings</source>
        <translation>拆违治乱</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="36"/>
        <location filename="../../qdgui/models/kinds.py" line="229"/>
        <source>Parks</source>
        <translation>公园建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="247"/>
        <location filename="../../qdgui/excel/ledger.py" line="291"/>
        <location filename="../../qdgui/excel/ledger.py" line="663"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="247"/>
        <location filename="../../qdgui/excel/ledger.py" line="291"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="323"/>
        <source>Row check</source>
        <translation>行校验</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="515"/>
        <source>{path} is not a ledger exported by qdgui (it has no &apos;{sheet}&apos; sheet).</source>
        <translation>{path} 不是 qdgui 导出的台账（没有“{sheet}”工作表）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="533"/>
        <source>{path} is a ledger of a newer qdgui; update this program first.</source>
        <translation>{path} 是更新版本 qdgui 导出的台账；请先升级本程序。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="542"/>
        <source>{path}: the sheet &apos;{sheet}&apos; listed in the ledger is missing.</source>
        <translation>{path}：台账中列出的工作表“{sheet}”不存在。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/ledger.py" line="596"/>
        <source>Sheet {sheet}, row {row}, column {column} ({label}): cannot read &apos;{value}&apos;.</source>
        <translation>工作表“{sheet}”第 {row} 行 {column} 列（{label}）：无法读取“{value}”。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="30"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="38"/>
        <source>Corridors, greening and greenways</source>
        <translation>林荫廊道、立体绿化和滨海绿道</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="43"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="44"/>
        <source>Year to date</source>
        <translation>年累计</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="45"/>
        <source>Annual target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="46"/>
        <location filename="../../qdgui/excel/weekly.py" line="498"/>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="63"/>
        <source>Parks completed (hill, comprehensive, pocket, community) (parks)</source>
        <translation>公园建成（山头、综合、口袋、社区公园）（个）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="67"/>
        <source>{label} ({unit})</source>
        <translation>{label}（{unit}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="104"/>
        <source>Form no.: {text}</source>
        <translation>表号：{text}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="106"/>
        <source>Issued by: {text}</source>
        <translation>制表机关：{text}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="112"/>
        <source>Head of unit: {name}</source>
        <translation>单位负责人：{name}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="113"/>
        <source>Head of statistics: {name}</source>
        <translation>统计负责人：{name}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="114"/>
        <source>Filled in by: {name}</source>
        <translation>填表人：{name}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="115"/>
        <source>Telephone: {number}</source>
        <translation>联系电话：{number}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="116"/>
        <source>Reported on: {day}</source>
        <translation>报出日期：{day}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="143"/>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="147"/>
        <source>{month}/{day}/{year}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="160"/>
        <source>{scope} urban renewal and urban construction campaign weekly report (week {number} of {year}: {start} to {end})</source>
        <translation>{scope}城市更新和城市建设攻坚行动周报（{year}年第{number}周：{start}至{end}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="169"/>
        <source>Qingdao</source>
        <translation>青岛市</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="228"/>
        <source>Reporting unit: {scope}    Period: {start} to {end}    Year to date: 1 January to {end}    Time elapsed: {elapsed:.1%}    Made on: {made}</source>
        <translation>填报单位：{scope}&#x3000;&#x3000;统计周期：{start}至{end}&#x3000;&#x3000;年累计：1月1日至{end}&#x3000;&#x3000;时间进度：{elapsed:.1%}&#x3000;&#x3000;制表日期：{made}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="238"/>
        <source>Notes: completion rate = year to date / annual target; &quot;-&quot; where no target has been set; a rate in red is behind the time elapsed. Demolitions count cases demolished or rectified, by the date done; parks count those completed, by the completion date.</source>
        <translation>注：完成率＝年累计÷年度目标，未下达目标的填“—”，红色的完成率落后于时间进度。拆违按拆除（整改）完成日期统计已拆除和已整改的案件；公园按完工日期统计已完工的项目。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="392"/>
        <source>{title}: photos of the week&apos;s finished work</source>
        <translation>{title}——本周完成事项照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="234"/>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="22"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="151"/>
        <source>Case no. / park</source>
        <translation>违建编号/公园名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="152"/>
        <location filename="../../qdgui/excel/weekly.py" line="234"/>
        <source>Street/town</source>
        <translation>街道/镇</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="153"/>
        <source>Address / kind</source>
        <translation>地址/类型</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="154"/>
        <source>Done on</source>
        <translation>办结/完工日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="155"/>
        <source>Area (m2) / length</source>
        <translation>面积（㎡）/长度</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="156"/>
        <source>Before demolition</source>
        <translation>拆除前</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="157"/>
        <source>After demolition / completed</source>
        <translation>拆除后/完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="167"/>
        <source>No case was finished and no park completed this week.</source>
        <translation>本周没有办结的拆违案件，也没有完工的公园。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="182"/>
        <source>no photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="244"/>
        <source>Made with qdgui {version} from database {database}.</source>
        <translation>由 qdgui {version} 生成，数据库 {database}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="269"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/photo_sheet.py" line="150"/>
        <location filename="../../qdgui/excel/weekly.py" line="413"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="441"/>
        <location filename="../../qdgui/selftest.py" line="189"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="472"/>
        <location filename="../../qdgui/excel/weekly.py" line="585"/>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页，共 &amp;N 页</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="496"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="497"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="499"/>
        <source>Change from last week (points)</source>
        <translation>较上周（百分点）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="500"/>
        <source>Both halves</source>
        <translation>双过半</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="560"/>
        <source>Met</source>
        <translation>达到</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="560"/>
        <source>Not met</source>
        <translation>未达到</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="570"/>
        <source>Ranked by completion rate; a rate in red is behind the time elapsed ({elapsed:.1%}).</source>
        <translation>按完成率排名；红色的完成率落后于时间进度（{elapsed:.1%}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="573"/>
        <source> Both halves (双过半): with half the year gone, half the annual target done (rate at least 50%).</source>
        <translation>双过半：时间过半时，完成年度目标任务过半（完成率不低于50%）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="599"/>
        <source>&apos;{text}&apos; is not a week: write it as 2026-W47, or as a date inside the week such as 2026-11-18.</source>
        <translation>“{text}”不是有效的周次：请写作 2026-W47，或写该周内的某一天，如 2026-11-18。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../qdgui/models/records.py" line="145"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="146"/>
        <source>Campaign area</source>
        <translation>攻坚领域</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="100"/>
        <location filename="../../qdgui/models/listing.py" line="122"/>
        <location filename="../../qdgui/models/listing.py" line="153"/>
        <location filename="../../qdgui/models/listing.py" line="176"/>
        <location filename="../../qdgui/models/listing.py" line="191"/>
        <location filename="../../qdgui/models/listing.py" line="215"/>
        <location filename="../../qdgui/models/records.py" line="147"/>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="101"/>
        <location filename="../../qdgui/models/listing.py" line="123"/>
        <location filename="../../qdgui/models/listing.py" line="154"/>
        <location filename="../../qdgui/models/listing.py" line="177"/>
        <location filename="../../qdgui/models/listing.py" line="192"/>
        <location filename="../../qdgui/models/listing.py" line="216"/>
        <location filename="../../qdgui/models/records.py" line="148"/>
        <source>Street/town</source>
        <translation>街道/镇</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="103"/>
        <location filename="../../qdgui/models/records.py" line="149"/>
        <source>Community/village</source>
        <translation>社区/村居</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="102"/>
        <location filename="../../qdgui/models/records.py" line="150"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="109"/>
        <location filename="../../qdgui/models/listing.py" line="131"/>
        <location filename="../../qdgui/models/listing.py" line="161"/>
        <location filename="../../qdgui/models/records.py" line="194"/>
        <source>Operator</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/listing.py" line="110"/>
        <location filename="../../qdgui/models/listing.py" line="132"/>
        <location filename="../../qdgui/models/listing.py" line="162"/>
        <location filename="../../qdgui/models/listing.py" line="182"/>
        <location filename="../../qdgui/models/listing.py" line="195"/>
        <location filename="../../qdgui/models/listing.py" line="217"/>
        <location filename="../../qdgui/models/records.py" line="195"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="151"/>
        <source>Total households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="152"/>
        <source>Total houses</source>
        <translation>总处数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="153"/>
        <source>Total building area (m2)</source>
        <translation>总建筑面积（㎡）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="154"/>
        <source>Total land (mu)</source>
        <translation>总土地面积（亩）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="155"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="196"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="156"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="142"/>
        <source>Photo before demolition</source>
        <translation>拆除前照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="143"/>
        <source>Photo after demolition</source>
        <translation>拆除后照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="144"/>
        <source>Completion photo</source>
        <translation>完工照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="157"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="158"/>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="159"/>
        <source>Plan for January</source>
        <translation>1月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="160"/>
        <source>Plan for February</source>
        <translation>2月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="161"/>
        <source>Plan for March</source>
        <translation>3月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="162"/>
        <source>Plan for April</source>
        <translation>4月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="163"/>
        <source>Plan for May</source>
        <translation>5月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="164"/>
        <source>Plan for June</source>
        <translation>6月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="165"/>
        <source>Plan for July</source>
        <translation>7月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="166"/>
        <source>Plan for August</source>
        <translation>8月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="167"/>
        <source>Plan for September</source>
        <translation>9月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="168"/>
        <source>Plan for October</source>
        <translation>10月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="169"/>
        <source>Plan for November</source>
        <translation>11月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="170"/>
        <source>Plan for December</source>
        <translation>12月计划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="171"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="172"/>
        <source>Date signed</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="173"/>
        <source>Households signed</source>
        <translation>签约户数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="174"/>
        <source>Houses signed</source>
        <translation>签约处数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="175"/>
        <source>Area (m2)</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="176"/>
        <source>Land vacated (mu)</source>
        <translation>腾地面积（亩）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="177"/>
        <source>Agreement number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="178"/>
        <source>Compensation type</source>
        <translation>补偿方式</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="179"/>
        <source>Case number</source>
        <translation>违建编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="180"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="181"/>
        <source>Key zone</source>
        <translation>重点片区</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="182"/>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="183"/>
        <source>Disposal</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="184"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="185"/>
        <source>Date found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="186"/>
        <source>Date done</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="187"/>
        <source>Enforcement unit</source>
        <translation>执法中队</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="188"/>
        <source>Plan year</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="189"/>
        <source>Length (km)</source>
        <translation>长度（公里）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="190"/>
        <source>Investment (10k yuan)</source>
        <translation>投资（万元）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="191"/>
        <source>Date started</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="192"/>
        <source>Date completed</source>
        <translation>完工日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/records.py" line="193"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../qdgui/views/file_dialogs.py" line="36"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/file_dialogs.py" line="39"/>
        <source>{suffix} file</source>
        <translation>{suffix} 文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/file_dialogs.py" line="41"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <location filename="../../qdgui/views/fields.py" line="65"/>
        <source>e.g. 60 or 60户</source>
        <translation>如 60 或 60户</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="66"/>
        <source>e.g. 70 or 70处</source>
        <translation>如 70 或 70处</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="67"/>
        <source>e.g. 8400 or 0.84万平方米</source>
        <translation>如 8400 或 0.84万平方米</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="68"/>
        <source>e.g. 120 or 120㎡</source>
        <translation>如 120 或 120㎡</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="69"/>
        <source>e.g. 35000 or 3.5万平方米</source>
        <translation>如 35000 或 3.5万平方米</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="70"/>
        <source>greenways: e.g. 5.8公里</source>
        <translation>绿道填写，如 5.8公里</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="71"/>
        <source>e.g. 1200 or 0.12亿元</source>
        <translation>如 1200 或 0.12亿元</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="72"/>
        <source>e.g. 62.4万平方米</source>
        <translation>如 62.4万平方米</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/fields.py" line="73"/>
        <source>e.g. 1850亩</source>
        <translation>如 1850亩</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="99"/>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="100"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="101"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="102"/>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="111"/>
        <source>History: {title}</source>
        <translation>修改历史：{title}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="114"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="115"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="116"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="117"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="118"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="119"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="120"/>
        <source>Operator</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="121"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="92"/>
        <source>Merging {file} (ledger of another laptop)</source>
        <translation>合并 {file}（其他电脑的台账）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="94"/>
        <source>Preview of merging {file} (nothing written)</source>
        <translation>合并 {file} 的预览（未写入）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="100"/>
        <source>New {inserted}, updated {updated}, deleted {deleted}, unchanged {unchanged}, merged field by field {combined}, conflicts {conflicts}, held back as duplicates {held}, look alike {similar}.</source>
        <translation>新增 {inserted}，更新 {updated}，删除 {deleted}，未变 {unchanged}，自动逐项合并 {combined}，冲突 {conflicts}，疑似重复暂缓 {held}，相似待查 {similar}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="123"/>
        <source>{n} records held back because they do not pass the forms&apos; rules or lie outside this account&apos;s place (listed below).</source>
        <translation>{n} 条记录暂缓合并：不符合录入规则，或不在此账户的地点范围内（见下）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="132"/>
        <source>{joined} projects or villages are the same as ones already here and would be joined; the records pointing at them would point at ours.</source>
        <translation>有 {joined} 个项目或村居与本库已有的相同，将合并为同一条；引用它们的记录将改为引用本库的那一条。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="138"/>
        <source>{joined} projects or villages were the same as ones already here and were joined; the records pointing at them point at ours.</source>
        <translation>有 {joined} 个项目或村居与本库已有的相同，已合并为同一条；引用它们的记录已改为引用本库的那一条。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="151"/>
        <source>Importing {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="153"/>
        <source>Preview of importing {file} (nothing written)</source>
        <translation>导入 {file} 的预览（未写入）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="161"/>
        <source>Sheet {sheet} ({kind}; header in row {header}): {ok} rows to import ({warned} with warnings), {bad} rejected, {skipped} skipped.</source>
        <translation>工作表“{sheet}”（{kind}；表头在第 {header} 行）：可导入 {ok} 行（其中 {warned} 行有提醒），{bad} 行有错误未导入，跳过 {skipped} 行。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="175"/>
        <source> The sheet cannot be imported as it is: see its errors.</source>
        <translation>该表按现状无法导入，请看其错误说明。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="182"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="183"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="184"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="189"/>
        <source>Written as import batch {id}; it can be undone in File &gt; Import batches.</source>
        <translation>已写入导入批次 {id}；可在“文件 → 导入批次”中撤销。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="191"/>
        <source>Written as import batch {id}; it can be undone with: import --undo {id}.</source>
        <translation>已写入，导入批次 {id}；可整批撤销（import --undo {id}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="194"/>
        <source>Backup before the import: {backup}</source>
        <translation>导入前的备份：{backup}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="198"/>
        <source>Nothing was written: no row could be imported (see the errors above).</source>
        <translation>未写入任何内容：没有一行可以导入（见上面的错误）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="200"/>
        <source>Nothing was written: the sheets hold no rows to import.</source>
        <translation>未写入任何内容：表格中没有可导入的数据行。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="202"/>
        <source>Nothing was written: the database already holds all of it.</source>
        <translation>未写入任何内容：数据库中已有这些数据。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="277"/>
        <source>{file}: no sheet has a header row with known column names (such as 签约日期, 违建编号, 公园名称 or 指标).</source>
        <translation>{file}：没有工作表含有可识别的表头（如 签约日期、违建编号、公园名称 或 指标）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="288"/>
        <source>{file} was already imported on {at} (batch {id}). Undo that batch first, or import again on purpose.</source>
        <translation>{file} 已于 {at} 导入过（批次 {id}）。请先撤销该批次，或确认后再次导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="368"/>
        <source>the disk is full; free some space, then try again</source>
        <translation>磁盘已满，请先腾出空间再重试</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="369"/>
        <source>another program is using the database file; try again in a moment</source>
        <translation>另一个程序正在使用数据库文件，请稍后重试</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="370"/>
        <source>the database file cannot be written (read-only)</source>
        <translation>数据库文件无法写入（只读）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="371"/>
        <source>reading or writing the disk failed; check the disk or USB stick</source>
        <translation>读写磁盘失败，请检查磁盘或U盘</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="375"/>
        <source>{file}: nothing was written ({reason}). The database is as it was before.</source>
        <translation>{file}：未写入任何内容（{reason}）。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="381"/>
        <source>{file} is a ledger exported by qdgui, but its sheets were changed after the export (the content check does not match). Merge it only if you know who changed it and why: every record is then checked with the forms&apos; rules (tick &apos;Merge it although it was changed&apos;, or --accept-edited).</source>
        <translation>{file} 是 qdgui 导出的台账，但导出后被改动过（内容校验不符）。只有清楚是谁、为何改动时才合并：合并时每条记录都按录入规则检查（勾选“仍然合并改动过的台账”，或使用 --accept-edited）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/importer.py" line="399"/>
        <source>the undo of import batch {id}</source>
        <translation>撤销导入批次 {id}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="270"/>
        <source>Sheet {sheet}, row {row}: the record ID (UUID) is missing or damaged.</source>
        <translation>工作表“{sheet}”第 {row} 行：记录编号（UUID）缺失或损坏。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="228"/>
        <source>Changed here and in that laptop&apos;s copy joined to it, choose per field: {kind} {what} (sheet {sheet}, row {row}): {fields}</source>
        <translation>本库和那台电脑上合并为同一条的副本都改了，请逐项选择：{kind} {what}（工作表 {sheet}，第 {row} 行）：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="240"/>
        <source>Changed in that laptop&apos;s copy joined to ours, would be brought to ours: {kind} {what} (sheet {sheet}, row {row}): {fields}</source>
        <translation>那台电脑上合并为同一条的副本有修改，将带到本库：{kind} {what}（工作表 {sheet}，第 {row} 行）：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="246"/>
        <source>Changed in that laptop&apos;s copy joined to ours, brought to ours: {kind} {what} (sheet {sheet}, row {row}): {fields}</source>
        <translation>那台电脑上合并为同一条的副本有修改，已带到本库：{kind} {what}（工作表 {sheet}，第 {row} 行）：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="304"/>
        <source>Held back, it does not pass the forms&apos; rules: {kind} {what} (sheet {sheet}, row {row}): {problems}</source>
        <translation>暂缓合并，不符合录入规则：{kind} {what}（工作表“{sheet}”第 {row} 行）：{problems}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="313"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="354"/>
        <source>The same {kind} as one already here, would be joined: {what} (sheet {sheet}, row {row})</source>
        <translation>与本库已有{kind}相同，将合并：{what}（工作表 {sheet}，第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="359"/>
        <source>The same {kind} as one already here, joined: {what} (sheet {sheet}, row {row})</source>
        <translation>与本库已有{kind}相同，已合并：{what}（工作表 {sheet}，第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="415"/>
        <source>Held back, same key as a record already here: {kind} {what} (sheet {sheet}, row {row})</source>
        <translation>暂缓合并，与已有记录编号相同：{kind} {what}（工作表“{sheet}”第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="445"/>
        <source>A {kind} with a name close to one already here, kept apart: {name} (here: {near}; sheet {sheet}, row {row}). If they are the same, correct one of them.</source>
        <translation>名称与已有{kind}相近，未合并为同一{kind}：{name}（已有：{near}；工作表“{sheet}”第 {row} 行）。如确为同一{kind}，请更正其中之一。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="478"/>
        <source>Looks like a record already here, would be merged: {kind} {what} (sheet {sheet}, row {row})</source>
        <translation>将合并，但与已有记录相似，请核查：{kind} {what}（工作表“{sheet}”第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="484"/>
        <source>Looks like a record already here, merged: {kind} {what} (sheet {sheet}, row {row})</source>
        <translation>已合并，但与已有记录相似，请核查：{kind} {what}（工作表“{sheet}”第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="534"/>
        <source>changed by hand in {file}</source>
        <translation>{file} 中手工改动</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="539"/>
        <source>Changed by hand after the export, for a person to decide: {kind} {what} (sheet {sheet}, row {row}): {fields}</source>
        <translation>导出后被手工改动，请人工确认：{kind} {what}（工作表“{sheet}”第 {row} 行）：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="629"/>
        <source>Changed on both sides, choose per field: {kind} {what} (sheet {sheet}, row {row}): {fields}</source>
        <translation>两边都有修改，请逐项选择：{kind} {what}（工作表“{sheet}”第 {row} 行）：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="646"/>
        <source>Changed on both sides in different fields, would be merged by themselves: {kind} {what} (sheet {sheet}, row {row}): from the return {fields}</source>
        <translation>两边在不同字段都有修改，将自动合并：{kind} {what}（工作表“{sheet}”第 {row} 行）：来自回传文件：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="652"/>
        <source>Changed on both sides in different fields, merged by themselves: {kind} {what} (sheet {sheet}, row {row}): from the return {fields}</source>
        <translation>两边在不同字段都有修改，已自动合并：{kind} {what}（工作表“{sheet}”第 {row} 行）：来自回传文件：{fields}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="701"/>
        <source>Changed to the {fields} of another record here, kept as it was for a person to decide: {kind} {what} (sheet {sheet}, row {row})</source>
        <translation>改成了本库另一条记录的{fields}，本库保持原样，请人工决定：{kind} {what}（工作表 {sheet}，第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="770"/>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="452"/>
        <location filename="../../qdgui/excel/merge.py" line="781"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="730"/>
        <source>Brought in, the record with the same number that held it back was deleted: {kind} {what} (sheet {sheet}, row {row})</source>
        <translation>已并入：使它暂缓合并的同编号记录已被删除：{kind} {what}（工作表“{sheet}”第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/joins.py" line="36"/>
        <source>Sheet {sheet}, row {row}: the field versions are damaged: &apos;{value}&apos;.</source>
        <translation>工作表“{sheet}”第 {row} 行：字段版本已损坏：“{value}”。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="794"/>
        <source>Sheet {sheet}, row {row}: the version clock “{text}” is damaged.</source>
        <translation>工作表“{sheet}”第 {row} 行：版本时钟“{text}”已损坏。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/merge.py" line="908"/>
        <source>Sheet {sheet}, row {row}: it refers to a {target} ({uuid}) that is neither in this database nor in the file.</source>
        <translation>工作表“{sheet}”第 {row} 行：引用的 {target}（{uuid}）既不在本数据库中，也不在文件中。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="68"/>
        <source>Sheet {sheet}</source>
        <translation>工作表“{sheet}”</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="70"/>
        <source>, row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="72"/>
        <source>, column {column}</source>
        <translation> {column} 列</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="74"/>
        <source> ({header})</source>
        <translation>（{header}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="75"/>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="126"/>
        <source>{sheet}, table {n} (row {row})</source>
        <translation>{sheet}·第 {n} 个表（第 {row} 行起）</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="216"/>
        <source>Hidden sheet: not imported.</source>
        <translation>隐藏的工作表，未导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="218"/>
        <source>No header row with known column names found in the first 30 rows: not imported.</source>
        <translation>前 30 行中没有找到可识别的表头，未导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="326"/>
        <source>Hidden row: not imported (show it in Excel, or choose to include hidden rows).</source>
        <translation>隐藏行，未导入（可在 Excel 中取消隐藏，或选择导入隐藏行）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="331"/>
        <source>Total row: not imported (totals are computed from the records).</source>
        <translation>合计行，未导入（合计由记录自动计算）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="338"/>
        <source>Repeated header row: not imported.</source>
        <translation>重复的表头行，未导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="585"/>
        <source>More than one project is named “{text}” in this district.</source>
        <translation>本区有不止一个名为“{text}”的项目。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="607"/>
        <source>“{text}”: a village is looked up in its street, and the row has none.</source>
        <translation>“{text}”：村居要按所属街道查找，而这一行没有街道。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="674"/>
        <source>{field} is given for the whole sheet ({value}): this column is not read.</source>
        <translation>{field}已为整个表格统一指定（{value}）：此列不读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="897"/>
        <source>{field} for every row without one: {value}, from {source}.</source>
        <translation>{field}：未填写的行一律取 {value}（来自{source}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="911"/>
        <source>The sheet does not say its district: {district} is assumed, from {source}. If it is another, give 区 for the whole sheet.</source>
        <translation>表格没有写明所属区：按{source}视为{district}。如果不是，请为整个表格指定“区”。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="926"/>
        <source>No column for 违建编号: case numbers are made from the file, sheet and row (TZ + 8 characters of the file&apos;s fingerprint - sheet - table - row), the same on every import of this file.</source>
        <translation>没有“违建编号”列：编号按文件、工作表和行生成（TZ + 文件指纹的 8 位 - 工作表 - 表 - 行），同一文件每次导入生成的编号相同。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="934"/>
        <source>No column for 状态: a row with a demolition date is a case done (已拆除, or 已整改 when its disposal is rectification).</source>
        <translation>没有“状态”列：有拆除日期的行视为已办结（已拆除；处置方式为整改的视为已整改）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="942"/>
        <source>No column for 处置方式: a case rectified (已整改) is a rectification, every other case a demolition.</source>
        <translation>没有“处置方式”列：已整改的视为整改，其余视为拆除。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="949"/>
        <source>Progress by month: a park&apos;s status is its last month filled in (前期: planned; 开工 or a percentage: building; 完工: completed on that month&apos;s last day).</source>
        <translation>按月进度：公园状态取最后填写的月份（前期：计划；开工或百分比：在建；完工：视为在该月最后一天完工）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="957"/>
        <source>No column for the year&apos;s target: each row&apos;s target is the sum of its months&apos; plans.</source>
        <translation>没有全年目标列：每行的全年目标取其各月计划之和。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="961"/>
        <source>No column for 计划年度: the year of a row&apos;s completion or start date is taken.</source>
        <translation>没有“计划年度”列：取该行完工日期或开工日期的年份。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="987"/>
        <source>No column for {field}: the sheet cannot be imported. Choose its column in the mapping, or give one value for the whole sheet (wizard: same value for every row; command line: --set {field}=VALUE).</source>
        <translation>没有“{field}”列：该表无法导入。请在列对应中选择此列，或为整个表格统一指定一个值（向导：各行取同一值；命令行：--set {field}=值）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="336"/>
        <source>Note below the table: not imported.</source>
        <translation>表格下方的说明，未导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="340"/>
        <source>Nothing in the recognised columns: not imported.</source>
        <translation>已识别的列中没有内容，未导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="358"/>
        <source>Part of a merged cell: its number is counted once, in the first row.</source>
        <translation>属于合并单元格：数值只计入第一行。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="483"/>
        <source>No project named “{text}” in {place}; it is close to “{near}”. Nothing is guessed: if it is that project, write its name as in the database (or give it for the whole sheet); if it is another, add it on the Projects page.</source>
        <translation>{place}没有名为“{text}”的项目，与“{near}”相近。系统不作猜测：如果就是该项目，请按数据库中的名称填写（或为整个表格统一指定）；如果是另一个项目，请先在“项目”页添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="490"/>
        <source>No community or village named “{text}” in {place}; it is close to “{near}”. Nothing is guessed: write its name as in the database, or add it on the Communities page.</source>
        <translation>{place}没有名为“{text}”的社区或村，与“{near}”相近。系统不作猜测：请按数据库中的名称填写，或先在“社区/村居”页添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="514"/>
        <source>No project named “{text}” in {place}: create it with this import (create missing projects and villages), or add it on the Projects page first.</source>
        <translation>{place}没有名为“{text}”的项目：可在本次导入中新建（勾选“新建缺少的项目和村居”），或先在“项目”页添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="520"/>
        <source>“{text}” is not a community or village of {place}: create it with this import (create missing projects and villages), or add it on the Communities page first.</source>
        <translation>“{text}”不是{place}的社区或村：可在本次导入中新建（勾选“新建缺少的项目和村居”），或先在“社区/村居”页添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="542"/>
        <source>“{text}” is not a district or county-level city of Qingdao.</source>
        <translation>“{text}”不是青岛市的区（市）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="556"/>
        <source>“{text}” names more than one street or town; add a district column.</source>
        <translation>“{text}”对应多个街道（镇），请增加“区（市）”列。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="558"/>
        <source>“{text}” is not a street or town of {district}.</source>
        <translation>“{text}”不是{district}的街道（镇）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="559"/>
        <source>Qingdao</source>
        <translation>青岛市</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="784"/>
        <source>Looks like a record already there ({what}): check it is not entered twice.</source>
        <translation>与已有记录相似（{what}）：请核查是否重复录入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="787"/>
        <source>same place, date and figures</source>
        <translation>地点、日期和数字相同</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="837"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="837"/>
        <source>community or village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="846"/>
        <source>Created with this import (undone with it): {list}.</source>
        <translation>本次导入新建（随本批次一起撤销）：{list}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="858"/>
        <source>Not in the database: {list}. Import with &apos;create missing projects and villages&apos; (--create-missing) to create them in the same batch.</source>
        <translation>数据库中没有：{list}。导入时勾选“新建缺少的项目和村居”（--create-missing）即可在同一批次中新建。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/sheet_import.py" line="881"/>
        <source>Column not recognised: not imported (choose its field in the column mapping).</source>
        <translation>无法识别此列，未导入（可在列对应中选择字段）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/rejected.py" line="40"/>
        <source>Row in the original</source>
        <translation>原表行号</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/rejected.py" line="42"/>
        <source>What is wrong</source>
        <translation>错误说明</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/batches.py" line="158"/>
        <location filename="../../qdgui/models/batches.py" line="175"/>
        <source>There is no import batch {id}.</source>
        <translation>没有导入批次 {id}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/batches.py" line="161"/>
        <location filename="../../qdgui/models/batches.py" line="178"/>
        <source>Import batch {id} was already undone on {at}.</source>
        <translation>导入批次 {id} 已于 {at} 撤销。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/batches.py" line="193"/>
        <source>Import batch {id} cannot be undone with this server account: {n} of its records lie outside your account&apos;s place. Ask the server&apos;s administrator (or an account that covers them) to undo it.</source>
        <translation>导入批次 {id} 不能用此服务器账户撤销：其中 {n} 条记录不在您账户的地点范围内。请由服务器管理员（或地点范围覆盖这些记录的账户）撤销。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/batches.py" line="210"/>
        <source>Import batch {id} cannot be undone: {n} of its records were changed after it (for example {uuid}). Undo those changes first.</source>
        <translation>导入批次 {id} 无法撤销：其中 {n} 条记录在导入后又被修改（如 {uuid}）。请先撤销那些修改。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/batches.py" line="257"/>
        <source>Import batch {id} cannot be undone: records entered since refer to records it added ({reason}).</source>
        <translation>导入批次 {id} 无法撤销：之后录入的记录引用了该批次新增的记录（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="96"/>
        <source>{file}: no such file.</source>
        <translation>{file}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="98"/>
        <source>{file} is a folder, not a workbook.</source>
        <translation>{file} 是文件夹，不是工作簿。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="101"/>
        <source>{file} is empty (0 bytes).</source>
        <translation>{file} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="104"/>
        <source>{file} is {size} MB; workbooks over {limit} MB are not read.</source>
        <translation>{file} 有 {size} MB；超过 {limit} MB 的工作簿不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="117"/>
        <source>{file} is protected by a password. Open it in Excel or WPS, remove the password (File &gt; Info &gt; Protect Workbook), save, and import again.</source>
        <translation>{file} 设有密码保护。请在 Excel 或 WPS 中打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿）并保存后再导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="127"/>
        <location filename="../../qdgui/excel/workbook.py" line="525"/>
        <source>Cannot open {file}: {reason}</source>
        <translation>无法打开 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="137"/>
        <source>{file} is not a workbook qdgui reads (.xlsx, .xls, .xlsb, .ods, or a CSV or tab-separated .csv/.txt file). If it is a WPS file, save it as .xlsx first.</source>
        <translation>{file} 不是 qdgui 能读取的工作簿（.xlsx、.xls、.xlsb、.ods，或 CSV、制表符分隔的 .csv/.txt 文件）。如果是 WPS 文件，请先另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="187"/>
        <source>{file} is a zip archive but not an Excel workbook (it has no workbook part).</source>
        <translation>{file} 是压缩包，但不是 Excel 工作簿（其中没有工作簿部件）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="197"/>
        <source>{file} is protected by a password.</source>
        <translation>{file} 设有密码保护。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="202"/>
        <source>{file}: its part {part} would inflate to {size} MB (from {packed} MB); the file is damaged or built to overload the reader, and is not read.</source>
        <translation>{file}：其中的 {part} 解压后将达 {size} MB（压缩时 {packed} MB）；文件已损坏或为恶意构造，不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="214"/>
        <source>{file} would inflate to {size} MB in all; workbooks over {limit} MB are not read.</source>
        <translation>{file} 解压后共 {size} MB；超过 {limit} MB 的工作簿不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="233"/>
        <source>{file} is damaged (the zip archive cannot be read: {reason}). Ask the sender for the file again.</source>
        <translation>{file} 已损坏（压缩包无法读取：{reason}）。请向发送人重新索取文件。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="242"/>
        <source>{file} is damaged or uses an unsupported zip feature ({reason}).</source>
        <translation>{file} 已损坏或使用了不支持的压缩格式（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="257"/>
        <source>{file}: the part {part} declares XML entities (a DOCTYPE), which Excel never writes; the file is not read.</source>
        <translation>{file}：其中的 {part} 声明了 XML 实体（DOCTYPE），Excel 从不生成此类内容；文件不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="294"/>
        <source>{file}: its workbook part declares XML entities; the file is not read.</source>
        <translation>{file}：工作簿部分声明了 XML 实体；文件不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="299"/>
        <source>{file} is damaged (its list of sheets cannot be read: {reason}).</source>
        <translation>{file} 已损坏（无法读取工作表列表：{reason}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="376"/>
        <source>{file}: sheet {sheet} reaches row {rows} and column {columns}, beyond what a ledger can hold (at most {max_columns} columns and {max_cells} cells); the file is damaged or built to overload the reader, and is not read.</source>
        <translation>{file}：工作表“{sheet}”延伸到第 {rows} 行、第 {columns} 列，超出台账的合理范围（最多 {max_columns} 列、{max_cells} 个单元格）；文件已损坏或为恶意构造，不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="443"/>
        <source>{file}: reading took longer than {seconds} seconds and was stopped. The file may be damaged or far larger than a ledger.</source>
        <translation>{file}：读取超过 {seconds} 秒，已停止。文件可能已损坏，或远大于一般台账。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="464"/>
        <source>{file}: reading it needs more than {limit} MB of memory (a small file can claim a cell at a far corner of the sheet and make the reader allocate the whole range), so it is not read. Open it in Excel or WPS, delete the empty rows and columns after the table, save, and import again.</source>
        <translation>{file}：读取需要超过 {limit} MB 内存（很小的文件也可能在工作表远端写有单元格，使读取程序为整个区域分配内存），因此不予读取。请在 Excel 或 WPS 中打开，删除表格之后的空行和空列，保存后再导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="474"/>
        <source>{file}: the reader stopped abnormally (code {code}); the file is damaged or too large to read. Nothing was imported.</source>
        <translation>{file}：读取程序异常终止（代码 {code}）；文件已损坏或过大，无法读取。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="484"/>
        <source>{file} needs more memory to read than a ledger should; it is not read.</source>
        <translation>{file} 读取所需内存远超一般台账，不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="491"/>
        <source>{file} is protected by a password. Open it in Excel or WPS, remove the password, save, and import again.</source>
        <translation>{file} 设有密码保护。请在 Excel 或 WPS 中打开，取消密码并保存后再导入。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="499"/>
        <source>{file} cannot be read as a workbook: {reason}</source>
        <translation>{file} 无法作为工作簿读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="511"/>
        <source>{file} is neither UTF-8 nor GBK/GB18030 text (byte {offset} cannot be read); save it again as CSV UTF-8 or as .xlsx.</source>
        <translation>{file} 既不是 UTF-8 也不是 GBK/GB18030 文本（第 {offset} 个字节无法识别）；请另存为“CSV UTF-8”或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="516"/>
        <source>{file} has more than {rows} rows; it is not read.</source>
        <translation>{file} 超过 {rows} 行，不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="517"/>
        <source>{file}: row {row} has {columns} columns, more than {limit}; it is not read.</source>
        <translation>{file}：第 {row} 行有 {columns} 列，超过 {limit} 列，不予读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/workbook.py" line="520"/>
        <source>{file}: row {row} cannot be read as CSV ({detail}).</source>
        <translation>{file}：第 {row} 行无法按 CSV 读取（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="14"/>
        <source>the title in row {row}</source>
        <translation>第 {row} 行的标题</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="15"/>
        <source>the 填报单位 line in row {row}</source>
        <translation>第 {row} 行的填报单位</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="16"/>
        <source>the sheet name</source>
        <translation>工作表名称</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="17"/>
        <source>the file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="18"/>
        <source>the value given for the whole sheet</source>
        <translation>为整个表格指定的值</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="19"/>
        <source>this laptop&apos;s settings (本机设置)</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/context.py" line="20"/>
        <source>the row&apos;s dates</source>
        <translation>该行的日期</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="95"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="103"/>
        <source>Recognise from the headers</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="106"/>
        <source>Import hidden rows too</source>
        <translation>隐藏行也导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="107"/>
        <source>Create missing projects and villages</source>
        <translation>新建缺少的项目和村居</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="110"/>
        <source>Projects and villages the sheet names and the database lacks are created in the same batch (undone with it). Names close to existing ones are never created: the problems list shows them.</source>
        <translation>表格中写到而数据库中没有的项目和村居，在同一批次中新建（随批次一起撤销）。与已有名称相近的不会新建，会在问题列表中列出。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="114"/>
        <source>Merge it although it was changed</source>
        <translation>仍然合并改动过的台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="117"/>
        <source>The ledger&apos;s sheets were changed after qdgui exported it; every record is checked by the forms&apos; rules.</source>
        <translation>该台账在 qdgui 导出后被改动过；合并时每条记录都按录入规则检查。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="121"/>
        <source>Preview again</source>
        <translation>重新预览</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="123"/>
        <source>Sheets hold:</source>
        <translation>工作表内容：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="130"/>
        <source>Reading {file}...</source>
        <translation>正在读取 {file}……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <location filename="../../qdgui/views/import_wizard.py" line="142"/>
        <location filename="../../qdgui/views/import_wizard.py" line="147"/>
        <location filename="../../qdgui/views/import_wizard.py" line="360"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <location filename="../../qdgui/views/import_wizard.py" line="360"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <location filename="../../qdgui/views/import_wizard.py" line="142"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="137"/>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="142"/>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="142"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="147"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="147"/>
        <source>Same value for every row</source>
        <translation>各行统一取值</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="147"/>
        <source>Found in</source>
        <translation>取自</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="156"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="157"/>
        <source>Rows</source>
        <translation>数据行</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="158"/>
        <source>Column mapping</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="159"/>
        <source>Same for every row</source>
        <translation>各行同一值</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="160"/>
        <source>Account</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="163"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="164"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="166"/>
        <source>Save rejected rows...</source>
        <translation>保存未导入的行……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="167"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="268"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="275"/>
        <source>Stopped; nothing was imported.</source>
        <translation>已停止，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="291"/>
        <source>Import {n} rows</source>
        <translation>导入 {n} 行</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="293"/>
        <source>Merge {n} changes</source>
        <translation>合并 {n} 处变更</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="310"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="332"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="332"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="332"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="360"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="365"/>
        <source>Rejected</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="365"/>
        <source>With warnings</source>
        <translation>有提醒</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="365"/>
        <source>OK</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="394"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="409"/>
        <source>made from the file, sheet and row</source>
        <translation>按文件、工作表和行生成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="410"/>
        <source>from the demolition date, where there is one</source>
        <translation>有拆除日期的按拆除日期推定</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="411"/>
        <source>from the status</source>
        <translation>按状态推定</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="412"/>
        <source>from the row&apos;s completion or start date</source>
        <translation>取该行完工或开工日期的年份</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="427"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="468"/>
        <source>{stem} - rejected rows.xlsx</source>
        <translation>{stem} - 未导入的行.xlsx</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="469"/>
        <source>Save the rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="475"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="478"/>
        <source>{n} rejected rows saved to {path}</source>
        <translation>{n} 行未导入的数据已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="181"/>
        <source>relocation signing</source>
        <translation>征迁签约记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="230"/>
        <source>park</source>
        <translation>公园建设记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="204"/>
        <source>illegal-building case</source>
        <translation>拆违案件</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="133"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="152"/>
        <source>annual target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="168"/>
        <source>community/village</source>
        <translation>社区/村居</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../qdgui/views/launch.py" line="271"/>
        <source>The window that has it open was brought to the front.</source>
        <translation>已切换到打开该文件的窗口。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="274"/>
        <source>qdgui cannot start</source>
        <translation>qdgui 无法启动</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="297"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="298"/>
        <source>Something went wrong that qdgui did not expect. What was saved before stays saved; check the last entry in its table. The details are in the log file {path}</source>
        <translation>qdgui 遇到了意外错误。此前已保存的内容仍然保存着；请在表格中核对最后一条记录。详细信息记录在日志文件 {path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="317"/>
        <source>New database?</source>
        <translation>新建数据库？</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="318"/>
        <source>There is no database file {path}. Make a new, empty database there?</source>
        <translation>没有数据库文件 {path}。要在这里新建一个空数据库吗？</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../qdgui/models/lock.py" line="30"/>
        <source>This database is already open in another qdgui window ({holder}): {path}</source>
        <translation>此数据库已在另一个 qdgui 窗口中打开（{holder}）：{path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="103"/>
        <source>{file} - qdgui urban renewal field records</source>
        <translation>{file} - qdgui 城市更新现场台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="110"/>
        <source>Relocation signings</source>
        <translation>征迁签约</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="111"/>
        <source>Illegal buildings</source>
        <translation>拆违治乱</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="112"/>
        <source>Parks</source>
        <translation>公园建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="118"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="119"/>
        <source>Annual targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="120"/>
        <source>Communities/villages</source>
        <translation>社区/村居</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="124"/>
        <source>Projects and targets</source>
        <translation>项目与目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="133"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="143"/>
        <source>The database was upgraded to this version; the copy from before is {path}</source>
        <translation>数据库已升级到本版本，升级前的副本：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="148"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="149"/>
        <source>Export &amp;weekly report...</source>
        <translation>导出周报(&amp;W)...</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="151"/>
        <source>Export &amp;ledger...</source>
        <translation>导出台账(&amp;L)...</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="153"/>
        <source>Export a return &amp;package (ledger and photos)...</source>
        <translation>导出回传包（台账和照片）(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="157"/>
        <source>&amp;Import a workbook...</source>
        <translation>导入工作簿(&amp;I)……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="159"/>
        <source>Import &amp;batches...</source>
        <translation>导入批次(&amp;B)……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="161"/>
        <source>&amp;Review merge conflicts...</source>
        <translation>核对合并冲突(&amp;R)……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="165"/>
        <source>Bac&amp;kups...</source>
        <translation>备份与恢复(&amp;K)……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="169"/>
        <source>Connect to a district &amp;server...</source>
        <translation>连接区级服务器(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="173"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="176"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="177"/>
        <source>&amp;Undo last change</source>
        <translation>撤销上一步(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="181"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="188"/>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="188"/>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="196"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="197"/>
        <source>This &amp;laptop...</source>
        <translation>本机设置(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="200"/>
        <source>&amp;Streets and towns...</source>
        <translation>街道/镇名录(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="394"/>
        <location filename="../../qdgui/views/main_window.py" line="397"/>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="403"/>
        <source>Undone: the last change to a {kind} was taken back.</source>
        <translation>已撤销：最近一次对{kind}的改动已恢复原状。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="439"/>
        <source>Save the weekly report</source>
        <translation>保存周报</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="459"/>
        <source>Writing the weekly report...</source>
        <translation>正在生成周报……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="459"/>
        <source>Weekly report saved: {path}</source>
        <translation>周报已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="465"/>
        <source>Ledger {day}.xlsx</source>
        <translation>台账-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="466"/>
        <source>Save the ledger</source>
        <translation>保存台账</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="475"/>
        <source>Writing the ledger...</source>
        <translation>正在导出台账……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="475"/>
        <source>Ledger saved: {path}</source>
        <translation>台账已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="482"/>
        <source>Return {day}.zip</source>
        <translation>回传包-{day}.zip</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="484"/>
        <source>Save the return package</source>
        <translation>保存回传包</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="484"/>
        <source>Return package (*.zip)</source>
        <translation>回传包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="494"/>
        <source>Writing the return package...</source>
        <translation>正在生成回传包……</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="494"/>
        <source>Return package saved: {path}</source>
        <translation>回传包已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="522"/>
        <source>Import batch {id} written from {file}</source>
        <translation>已从 {file} 写入导入批次 {id}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="584"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="585"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="616"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="622"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入文件。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="681"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="682"/>
        <source>{n} records</source>
        <translation>共 {n} 条记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="683"/>
        <source>Operator: {name}</source>
        <translation>录入人：{name}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="685"/>
        <source>On the district server</source>
        <translation>数据在区级服务器上</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="690"/>
        <source>Last backup: {when}</source>
        <translation>最近备份：{when}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/main_window.py" line="690"/>
        <source>Last backup: none yet</source>
        <translation>最近备份：尚无</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="189"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="190"/>
        <source>The new language applies from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="59"/>
        <source>Import a workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_wizard.py" line="60"/>
        <source>Workbooks, CSV and return packages (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.zip)</source>
        <translation>工作簿、CSV 和回传包 (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.zip)</translation>
    </message>
</context>
<context>
    <name>OutlookPage</name>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="220"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="221"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="222"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="223"/>
        <source>Target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="224"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="225"/>
        <source>Against time (points)</source>
        <translation>较时间进度（百分点）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="226"/>
        <source>Per week, last 4 weeks</source>
        <translation>近四周周均</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="227"/>
        <source>Needed per week</source>
        <translation>此后每周需完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="228"/>
        <source>Done by, at this pace</source>
        <translation>按近期进度预计完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="240"/>
        <source>Done against the target through the year</source>
        <translation>全年完成进度与目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="312"/>
        <source>Districts against the time elapsed (click a district for its streets)</source>
        <translation>各区（市）完成率与时间进度（点击某区查看其街道）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="315"/>
        <source>Districts against the time elapsed (schematic; click a district for its streets)</source>
        <translation>各区（市）完成率与时间进度（示意图，非实际比例；点击某区查看其街道）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="321"/>
        <source>&lt;span style=&apos;color:{ahead}&apos;&gt;■&lt;/span&gt; at or ahead of the time elapsed ({elapsed}) &lt;span style=&apos;color:{slightly}&apos;&gt;■&lt;/span&gt; behind by less than {points} points &lt;span style=&apos;color:{behind}&apos;&gt;■&lt;/span&gt; further behind &lt;span style=&apos;color:{none}&apos;&gt;■&lt;/span&gt; no target</source>
        <translation>&lt;span style=&apos;color:{ahead}&apos;&gt;■&lt;/span&gt; 达到或超过时间进度（{elapsed}） &lt;span style=&apos;color:{slightly}&apos;&gt;■&lt;/span&gt; 落后不足 {points} 个百分点 &lt;span style=&apos;color:{behind}&apos;&gt;■&lt;/span&gt; 落后较多 &lt;span style=&apos;color:{none}&apos;&gt;■&lt;/span&gt; 未设目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="330"/>
        <source>{place}: {measure} done against the target</source>
        <translation>{place}：{measure}完成进度</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="337"/>
        <source>Nothing done and no target set for {place} this year.</source>
        <translation>{place}本年尚无完成记录，也未设定目标。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="347"/>
        <source>Time elapsed {share}</source>
        <translation>时间进度 {share}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="354"/>
        <source>Target {target}</source>
        <translation>目标 {target}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="375"/>
        <source>{done} {unit} done; no target set.</source>
        <translation>已完成 {done} {unit}；未设定目标。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="376"/>
        <source>{done} of {target} {unit} ({rate})</source>
        <translation>已完成 {done} / {target} {unit}（{rate}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="383"/>
        <source>; target reached on {day}</source>
        <translation>；已于 {day} 完成目标</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="388"/>
        <source>; {needed} {unit} a week needed from now</source>
        <translation>；今后还需每周 {needed} {unit}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="392"/>
        <source>; at the last four weeks&apos; pace ({pace} {unit} a week) done by {day}</source>
        <translation>；按近四周进度（每周 {pace} {unit}），预计 {day} 完成</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="396"/>
        <source>; nothing done in the last four weeks</source>
        <translation>；近四周无进展</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/outlook.py" line="414"/>
        <source>reached</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="37"/>
        <source>Before</source>
        <translation>拆除前</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="38"/>
        <source>After</source>
        <translation>拆除后</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="39"/>
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="91"/>
        <source>Drop photos here or paste them (Ctrl+V); Enter or a double click shows one</source>
        <translation>可把照片拖到这里或粘贴（Ctrl+V）；回车或双击查看</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="96"/>
        <source>+ {role}...</source>
        <translation>+{role}…</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="98"/>
        <source>Add {role} photos (or drop them on the strip, or paste them with Ctrl+V)</source>
        <translation>添加{role}照片（也可拖到照片栏或用 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="106"/>
        <location filename="../../qdgui/views/photo_strip.py" line="301"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="108"/>
        <source>Undo removal</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="173"/>
        <source>Add {role} photos</source>
        <translation>添加{role}照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="174"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="224"/>
        <source>{file} is already among the {role} photos.</source>
        <translation>{file} 已在{role}照片中。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="242"/>
        <source>pasted picture.png</source>
        <translation>粘贴的图片.png</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="273"/>
        <source>{n} photos removed; they stay until the record is saved (Undo removal puts them back).</source>
        <translation>已移除 {n} 张照片，保存记录时生效（点“撤销移除”可放回）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="284"/>
        <source>Put back: {file}</source>
        <translation>已放回：{file}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="292"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="298"/>
        <source>Make it a {role} photo</source>
        <translation>改为{role}照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="321"/>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="334"/>
        <source>{n} {role} photos added; they are saved with the record (Enter).</source>
        <translation>已添加 {n} 张{role}照片，将随记录一起保存（回车）。带 * 的为尚未保存的照片。</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="386"/>
        <source>&lt; Previous</source>
        <translation>&lt; 上一张</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="386"/>
        <source>Next &gt;</source>
        <translation>下一张 &gt;</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="448"/>
        <source>date taken not known</source>
        <translation>拍摄日期不详</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="452"/>
        <source>Photo {n} of {total}</source>
        <translation>照片 {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/photo_strip.py" line="471"/>
        <source>This photo cannot be shown.</source>
        <translation>这张照片无法显示。</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <location filename="../../qdgui/cli_photo.py" line="34"/>
        <location filename="../../qdgui/models/photos.py" line="41"/>
        <location filename="../../qdgui/views/photo_strip.py" line="192"/>
        <source>{file} cannot be opened: {reason}</source>
        <translation>无法打开 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="42"/>
        <source>{file} is empty.</source>
        <translation>{file} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="43"/>
        <source>{file} is {size} MB; a photo may be at most {limit} MB. Save a smaller copy and add that.</source>
        <translation>{file} 有 {size} MB，照片最大 {limit} MB。请另存一份较小的再添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="46"/>
        <source>{file} is not a photo qdgui can read (JPEG, PNG, HEIC or HEIF from a phone or camera).</source>
        <translation>{file} 不是 qdgui 能读取的照片（应为手机或相机拍摄的 JPEG、PNG、HEIC 或 HEIF）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="49"/>
        <source>{file} is a {format} image; add photos as JPEG, PNG, HEIC or HEIF (a phone&apos;s own format).</source>
        <translation>{file} 是 {format} 图片；请添加 JPEG、PNG、HEIC 或 HEIF 格式的照片（手机自带的格式）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="52"/>
        <source>{file} is {width} x {height} pixels ({megapixels} megapixels), more than a photo of a site needs (at most {limit} megapixels); it may be built to overload the program. Save a smaller copy and add that.</source>
        <translation>{file} 有 {width} x {height} 像素（{megapixels} 百万像素），超出现场照片所需（最多 {limit} 百万像素），可能是故意制造来拖垮程序的文件。请另存一份较小的再添加。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="58"/>
        <source>{file} is damaged or incomplete (it may not have been copied to the end): {reason}</source>
        <translation>{file} 已损坏或不完整（可能没有复制完整）：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/photos.py" line="228"/>
        <source>the file ends before the picture does</source>
        <translation>文件在图片结束之前就中断了</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../qdgui/views/launch.py" line="51"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/launch.py" line="52"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../qdgui/views/launch.py" line="53"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="47"/>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="48"/>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="125"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="128"/>
        <location filename="../../qdgui/views/record_form.py" line="172"/>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="130"/>
        <location filename="../../qdgui/views/record_form.py" line="173"/>
        <source>New entry (Esc)</source>
        <translation>新建（Esc）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="168"/>
        <source>Save changes (Enter)</source>
        <translation>保存修改（回车）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="169"/>
        <source>Stop editing (Esc)</source>
        <translation>放弃修改（Esc）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="319"/>
        <location filename="../../qdgui/views/record_form.py" line="524"/>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="373"/>
        <source>Editing a saved record: Enter saves the changes to it, Esc leaves it unchanged.</source>
        <translation>正在修改已保存的记录：回车保存对它的修改，Esc 放弃修改、记录保持不变。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="380"/>
        <source>Editing a saved {kind} (version {version})</source>
        <translation>正在修改已保存的{kind}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="400"/>
        <source>Not saved: please correct the fields marked in red.</source>
        <translation>未保存：请改正红色标出的字段。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="407"/>
        <location filename="../../qdgui/views/record_form.py" line="416"/>
        <location filename="../../qdgui/views/record_form.py" line="423"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="404"/>
        <location filename="../../qdgui/views/record_form.py" line="422"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="408"/>
        <source>Reload the record now? What you typed here will be replaced.</source>
        <translation>现在重新载入这条记录吗？您在此填写的内容将被替换。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="430"/>
        <source>Changes saved at {time}.</source>
        <translation>修改已于 {time} 保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="432"/>
        <source>Saved at {time}. Ready for the next entry.</source>
        <translation>已于 {time} 保存，可以录入下一条。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_form.py" line="526"/>
        <source>Restored the entry you had not saved.</source>
        <translation>已恢复上次未保存的录入内容。</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="159"/>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="160"/>
        <source>Delete {record}? It can be undone with Ctrl+Z.</source>
        <translation>删除 {record}？可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="176"/>
        <source>Unsaved entry</source>
        <translation>未保存的录入</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="177"/>
        <source>The form holds an entry that is not saved. Discard it and open the selected record?</source>
        <translation>表单中有尚未保存的录入内容。放弃这些内容并打开所选记录吗？</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="73"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="92"/>
        <source>District</source>
        <translation>区（市）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="93"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="94"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="95"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="96"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="97"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="98"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="139"/>
        <location filename="../../qdgui/views/record_page.py" line="271"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="140"/>
        <location filename="../../qdgui/views/record_page.py" line="272"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="141"/>
        <location filename="../../qdgui/views/record_page.py" line="273"/>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="231"/>
        <source>{n} records</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="233"/>
        <source>{n}+ records (counting...)</source>
        <translation>{n}+ 条（正在计数…）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/record_page.py" line="315"/>
        <location filename="../../qdgui/views/record_page.py" line="318"/>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <location filename="../../qdgui/models/repository.py" line="384"/>
        <source>No record {uuid}</source>
        <translation>没有记录 {uuid}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/repository.py" line="392"/>
        <source>{who} changed this record at {when} (version {now}; you opened version {then}). Nothing was saved. Reload it to see that change, then make yours again.</source>
        <translation>{who} 已于 {when} 修改了这条记录（现为第 {now} 版；您打开的是第 {then} 版）。未保存。请重新载入查看那次修改，再重新填写您的修改。</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/repository.py" line="414"/>
        <location filename="../../qdgui/models/repository.py" line="545"/>
        <source>Record {uuid} is deleted</source>
        <translation>记录 {uuid} 已删除</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="148"/>
        <source>{file} cannot be read as a return package: {reason}</source>
        <translation>{file} 无法作为回传包读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="156"/>
        <source>{file} holds more than a return package can ({entries} entries); it is not read.</source>
        <translation>{file} 的内容超出回传包的上限（{entries} 项），未读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="166"/>
        <source>{file} is not a qdgui return package: it has no {part}.</source>
        <translation>{file} 不是 qdgui 回传包：其中没有 {part}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="175"/>
        <source>{file}: its manifest is damaged.</source>
        <translation>{file}：清单（manifest）已损坏。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="177"/>
        <source>{file} is not a qdgui return package.</source>
        <translation>{file} 不是 qdgui 回传包。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="180"/>
        <source>{file} was written by a newer qdgui (package version {version}); update this program first.</source>
        <translation>{file} 由较新版本的 qdgui 生成（回传包版本 {version}），请先升级本程序。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="194"/>
        <source>{file} holds {entry}, which no return package holds; it is not read.</source>
        <translation>{file} 中含有回传包不应有的 {entry}，未读取。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="202"/>
        <source>{file}: the photo {entry} is larger than a photo may be.</source>
        <translation>{file}：照片 {entry} 超过照片大小上限。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="210"/>
        <source>{file}: {entry} was changed after the package was exported (its check does not match the manifest); it is not merged. Ask for a new export.</source>
        <translation>{file}：{entry} 在导出后被改动过（校验值与清单不符），未合并。请对方重新导出。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="226"/>
        <source>{file}: its photo list is damaged.</source>
        <translation>{file}：照片清单已损坏。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="250"/>
        <source>Photos: new {inserted}, removed {removed}, put back {restored}, unchanged {unchanged}, held back {held}.</source>
        <translation>照片：新增 {inserted}，移除 {removed}，放回 {restored}，未变 {unchanged}，暂缓 {held}。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="296"/>
        <source>Held back: photo {file} of a record that is not in this database ({uuid}).</source>
        <translation>暂缓：照片 {file} 所属的记录不在本数据库中（{uuid}）。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="329"/>
        <source>Held back: {reason}</source>
        <translation>暂缓：{reason}</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="333"/>
        <source>Held back: the photo file {sha} does not hold what its name says.</source>
        <translation>暂缓：照片文件 {sha} 的内容与其名称（校验值）不符。</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/returns.py" line="429"/>
        <source>Held back: a photo row of {file} is damaged ({why}).</source>
        <translation>暂缓：{file} 中有一条照片记录已损坏（{why}）。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="178"/>
        <source>Merge review</source>
        <translation>核对合并结果</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="182"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="182"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="182"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="182"/>
        <source>From file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="189"/>
        <location filename="../../qdgui/views/import_review.py" line="283"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="189"/>
        <location filename="../../qdgui/views/import_review.py" line="272"/>
        <source>Kept here</source>
        <translation>本机现值</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="189"/>
        <location filename="../../qdgui/views/import_review.py" line="272"/>
        <source>Other version</source>
        <translation>另一版本（勾选即采用）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="194"/>
        <source>Save the choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="195"/>
        <source>Keep as it is</source>
        <translation>保持现状</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="196"/>
        <source>&amp;Join as one</source>
        <translation>合并为同一个(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="199"/>
        <source>The same project or village entered on two laptops: the records of the other copy point at the one kept here, and the other copy is deleted.</source>
        <translation>两台电脑各自录入的同一个项目或村居：另一份所属的记录改为指向本机保留的这一个，另一份随即删除。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="203"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="229"/>
        <source>Changed on both sides</source>
        <translation>两边都有修改</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="230"/>
        <source>Same key, held back</source>
        <translation>编号相同，暂缓合并</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="231"/>
        <source>Looks alike</source>
        <translation>相似待查</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="251"/>
        <source>Nothing left to review.</source>
        <translation>没有待核对的内容。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="274"/>
        <source>Already here</source>
        <translation>本机已有记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="274"/>
        <source>Incoming record</source>
        <translation>来件中的记录</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="276"/>
        <source>Kept here
{who}, {at}</source>
        <translation>本机现值
{who}，{at}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="280"/>
        <source>Other version
{who}, {at}</source>
        <translation>另一版本（勾选即采用）
{who}，{at}</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="287"/>
        <source>Tick the fields where the other version is right; the rest stay as kept here.</source>
        <translation>勾选另一版本正确的字段；其余字段保持本机现值。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="290"/>
        <source>An incoming record that looks like one already here: check them and keep as it is, or correct one of them in its table.</source>
        <translation>来件中的记录与本机已有记录相似：请核对，确认无误则保持现状，否则在相应表格中更正其中一条。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="338"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="354"/>
        <source>Not joined</source>
        <translation>未合并</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/import_review.py" line="359"/>
        <source>Joined: {n} records now point at the one kept here.</source>
        <translation>已合并：{n} 条记录现指向本机保留的这一个。</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../qdgui/models/repository.py" line="649"/>
        <location filename="../../qdgui/models/rules.py" line="220"/>
        <source>Unknown district code {code}</source>
        <translation>未知的区（市）代码 {code}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/repository.py" line="636"/>
        <location filename="../../qdgui/models/rules.py" line="145"/>
        <location filename="../../qdgui/models/rules.py" line="153"/>
        <location filename="../../qdgui/models/rules.py" line="202"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/repository.py" line="655"/>
        <location filename="../../qdgui/models/repository.py" line="681"/>
        <source>This district already has a street named {name}</source>
        <translation>该区（市）已有名为 {name} 的街道</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="104"/>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="105"/>
        <source>“{text}” is an estimate; enter the exact figure</source>
        <translation>“{text}”是估计数，请填写确切数字</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="106"/>
        <source>“{text}” has more than {places} decimal places</source>
        <translation>“{text}”的小数位超过 {places} 位</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="107"/>
        <source>“{text}” is not a whole number</source>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="108"/>
        <source>“{text}” is not a year</source>
        <translation>“{text}”不是年份</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="109"/>
        <source>“{text}” is not a date</source>
        <translation>“{text}”不是日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="110"/>
        <source>“{text}” is not a real calendar date</source>
        <translation>“{text}”不是有效日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="111"/>
        <source>“{text}” has no year; write the full date</source>
        <translation>“{text}”没有年份，请写完整日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/repository.py" line="639"/>
        <location filename="../../qdgui/models/rules.py" line="155"/>
        <source>Too long: at most {n} characters</source>
        <translation>太长：最多 {n} 个字</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="162"/>
        <location filename="../../qdgui/models/rules.py" line="168"/>
        <source>Cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="176"/>
        <source>Year must be between {first} and {last}</source>
        <translation>年份应在 {first} 至 {last} 之间</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="187"/>
        <source>{date} is in the future</source>
        <translation>{date} 是将来的日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="189"/>
        <source>{date} is too far in the past</source>
        <translation>{date} 过于久远</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="192"/>
        <source>{date} is more than a year ago; is it right?</source>
        <translation>{date} 已超过一年，是否正确？</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="209"/>
        <source>“{text}” is not one of: {choices}</source>
        <translation>“{text}”不是以下之一：{choices}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="226"/>
        <source>{code} is not a street or town of {district}</source>
        <translation>{code} 不是 {district} 的街道或镇</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="251"/>
        <source>A project of this name already exists in this district</source>
        <translation>该区（市）已有同名项目</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="254"/>
        <source>No totals given: progress cannot be measured against this project</source>
        <translation>未填写总量：无法计算该项目的进度</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="261"/>
        <source>{signed} households are already signed; the total cannot be smaller</source>
        <translation>已签约 {signed} 户，总户数不能更小</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="268"/>
        <source>{signed} houses are already signed; the total cannot be smaller</source>
        <translation>已签约 {signed} 处，总处数不能更小</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="301"/>
        <location filename="../../qdgui/models/rules.py" line="307"/>
        <source>A count must be a whole number</source>
        <translation>数量必须是整数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="312"/>
        <source>The months&apos; plans add up to {planned}, more than the year&apos;s target {value}</source>
        <translation>各月计划合计 {planned}，超过全年目标 {value}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="317"/>
        <source>A target for this year, place and measure already exists</source>
        <translation>该年度、地区和指标的目标已存在</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="325"/>
        <source>Unknown street or town code {code}</source>
        <translation>未知的街道/镇代码 {code}</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="329"/>
        <source>This street already has a community of this name</source>
        <translation>该街道已有同名社区/村居</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="336"/>
        <location filename="../../qdgui/models/rules.py" line="394"/>
        <location filename="../../qdgui/models/rules.py" line="435"/>
        <source>No such project</source>
        <translation>项目不存在</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="343"/>
        <location filename="../../qdgui/models/rules.py" line="391"/>
        <source>No such community or village</source>
        <translation>社区/村居不存在</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="354"/>
        <source>Enter the households or houses signed</source>
        <translation>请填写签约户数或处数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="358"/>
        <source>This agreement number is already recorded for this project</source>
        <translation>该项目已登记此协议编号</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="366"/>
        <source>{n} households in one entry is unusually many; is it right?</source>
        <translation>一条记录 {n} 户，数量异常，是否正确？</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="377"/>
        <source>Signed would reach {after}, more than the project&apos;s total of {total} ({left} left)</source>
        <translation>签约将达到 {after}，超过项目总数 {total}（尚余 {left}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="407"/>
        <source>This case number is already recorded</source>
        <translation>此违建编号已登记</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="409"/>
        <source>A finished case needs the date it was done</source>
        <translation>已办结的案件需要填写办结日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="411"/>
        <source>A date done is given but the status is not finished</source>
        <translation>填写了办结日期，但状态不是已办结</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="413"/>
        <source>The date done is before the date found</source>
        <translation>办结日期早于发现日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="417"/>
        <source>The disposal is rectify but the status says demolished; is it right?</source>
        <translation>处置方式为“整治”，状态却是“已拆除”，是否正确？</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="419"/>
        <source>The disposal is demolish but the status says rectified; is it right?</source>
        <translation>处置方式为“拆除”，状态却是“已整治”，是否正确？</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="421"/>
        <source>The area is 0; is it right?</source>
        <translation>面积为 0，是否正确？</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="424"/>
        <source>{area} m2 is unusually large for one case; check the unit</source>
        <translation>单个案件 {area} ㎡ 面积异常大，请检查单位</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="446"/>
        <source>A greenway needs its length in km</source>
        <translation>滨海绿道需要填写长度（公里）</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="448"/>
        <source>A completed park needs a completion date</source>
        <translation>已完工的公园需要填写完工日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="450"/>
        <source>A completion date is given but the status is not completed</source>
        <translation>填写了完工日期，但状态不是完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/rules.py" line="452"/>
        <source>The completion date is before the start date</source>
        <translation>完工日期早于开工日期</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <location filename="../../qdgui/views/export.py" line="139"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../qdgui/selftest.py" line="44"/>
        <source>frozen build</source>
        <translation>安装版</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="44"/>
        <source>source</source>
        <translation>源代码</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="46"/>
        <source>qdgui {version} self-test ({build}, Python {python}, {platform})</source>
        <translation>qdgui {version} 自检（{build}，Python {python}，{platform}）</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="54"/>
        <source>database: create and migrate</source>
        <translation>数据库：创建并升级结构</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="55"/>
        <source>record: save through the rules and read back</source>
        <translation>记录：经校验规则保存并读回</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="56"/>
        <source>photos: JPEG and HEIC read and attached</source>
        <translation>照片：读取 JPEG 和 HEIC 并附到案件</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="57"/>
        <source>Excel: write a ledger and read it back</source>
        <translation>Excel：导出台账并读回</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="58"/>
        <source>Excel: write the weekly report</source>
        <translation>Excel：生成周报</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="59"/>
        <source>translations: Chinese catalogue</source>
        <translation>翻译：中文词条</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="60"/>
        <source>charts: pyqtgraph and its colour maps</source>
        <translation>图表：pyqtgraph 及其配色数据</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="61"/>
        <source>window: render the main window</source>
        <translation>窗口：绘制主窗口</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="65"/>
        <source>self-test FAILED: {n} step(s)</source>
        <translation>自检失败：{n} 项未通过</translation>
    </message>
    <message>
        <location filename="../../qdgui/selftest.py" line="67"/>
        <source>self-test passed</source>
        <translation>自检通过</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="39"/>
        <source>Connect to a district server</source>
        <translation>连接区级服务器</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="45"/>
        <source>e.g. 10.20.1.5 or qdgui.laoshan.gov</source>
        <translation>如 10.20.1.5 或 qdgui.laoshan.gov</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="50"/>
        <source>leave empty if it is kept in ~/.pgpass</source>
        <translation>如已保存在 ~/.pgpass 中可不填</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="51"/>
        <source>Remember this server (not the password)</source>
        <translation>记住此服务器（不记密码）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="53"/>
        <source>Connect to it when qdgui s&amp;tarts (asks for the password)</source>
        <translation>启动 qdgui 时连接此服务器（询问密码）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="57"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="58"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="59"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="60"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="61"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="69"/>
        <source>The district&apos;s or city&apos;s shared database. What you can see and change there is decided by your user&apos;s place (street, district or city), set by the server&apos;s administrator.</source>
        <translation>区里或市里共用的数据库。您在其中能查看和修改哪些记录，由服务器管理员为您的用户设定的地点（街道、区或全市）决定。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="75"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="77"/>
        <source>Use this &amp;laptop&apos;s database</source>
        <translation>使用本机数据库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="80"/>
        <source>qdgui connects to the district server when it starts. Without a network, use this laptop&apos;s own database.</source>
        <translation>qdgui 启动时连接区级服务器。没有网络时，请使用本机自己的数据库。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="111"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="112"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="113"/>
        <source>user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/server_dialog.py" line="118"/>
        <source>Please fill in: {fields}</source>
        <translation>请填写：{fields}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="36"/>
        <source>This laptop</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="39"/>
        <source>These become the defaults of every form and are recorded with every entry.</source>
        <translation>以下信息将作为各表单的默认值，并随每条记录一起保存。</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="42"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="52"/>
        <source>Operator</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="55"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="56"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/dialogs.py" line="78"/>
        <source>Please enter your name: it is recorded with every entry.</source>
        <translation>请填写姓名：每条记录都会注明录入人。</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="140"/>
        <location filename="../../qdgui/models/kinds.py" line="189"/>
        <location filename="../../qdgui/models/vocab.py" line="73"/>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="141"/>
        <location filename="../../qdgui/models/kinds.py" line="190"/>
        <location filename="../../qdgui/models/vocab.py" line="74"/>
        <source>houses</source>
        <translation>处</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="241"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="125"/>
        <location filename="../../qdgui/models/vocab.py" line="75"/>
        <location filename="../../qdgui/models/vocab.py" line="78"/>
        <source>m2</source>
        <translation>㎡</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="143"/>
        <location filename="../../qdgui/models/kinds.py" line="192"/>
        <location filename="../../qdgui/models/vocab.py" line="76"/>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="77"/>
        <location filename="../../qdgui/models/vocab.py" line="92"/>
        <source>sites</source>
        <translation>处</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="79"/>
        <location filename="../../qdgui/models/vocab.py" line="82"/>
        <location filename="../../qdgui/models/vocab.py" line="84"/>
        <location filename="../../qdgui/models/vocab.py" line="85"/>
        <source>parks</source>
        <translation>个</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="88"/>
        <source>corridors</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/kinds.py" line="240"/>
        <location filename="../../qdgui/models/vocab.py" line="94"/>
        <location filename="../../qdgui/views/dashboard.py" line="617"/>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <location filename="../../qdgui/excel/weekly.py" line="66"/>
        <source>10,000 m2</source>
        <translation>万平方米</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="9"/>
        <source>Historic district protection and renewal</source>
        <translation>历史城区保护更新</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="10"/>
        <source>Low-efficiency zone (park) development</source>
        <translation>重点低效片区（园区）开发建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="11"/>
        <source>Old city and old village renewal</source>
        <translation>旧城旧村改造建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="12"/>
        <source>Municipal facilities</source>
        <translation>市政设施建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="13"/>
        <source>Transport infrastructure</source>
        <translation>交通基础设施建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="14"/>
        <source>Metro construction and line-side development</source>
        <translation>地铁建设及地铁沿线开发建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="15"/>
        <source>Parking facilities</source>
        <translation>停车设施建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="16"/>
        <source>Park city construction</source>
        <translation>公园城市建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="17"/>
        <source>Illegal construction removal</source>
        <translation>拆违治乱</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="18"/>
        <source>Licun River (Zhangcun River) basin renewal</source>
        <translation>李村河（张村河）流域生态环境综合治理和开发建设</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="22"/>
        <source>Cash compensation</source>
        <translation>货币补偿</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="23"/>
        <source>Property swap</source>
        <translation>产权调换</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="24"/>
        <source>Cash and property swap</source>
        <translation>货币+产权调换</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="28"/>
        <source>Brick-concrete</source>
        <translation>砖混</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="29"/>
        <source>Steel frame</source>
        <translation>钢结构</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="30"/>
        <source>Colour steel sheet</source>
        <translation>彩钢板</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="31"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="35"/>
        <source>Demolish</source>
        <translation>拆除</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="36"/>
        <source>Rectify</source>
        <translation>整治</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="37"/>
        <source>Renovate</source>
        <translation>改造</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="41"/>
        <source>Identified</source>
        <translation>认定</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="42"/>
        <source>In progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="43"/>
        <source>Demolished</source>
        <translation>已拆除</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="44"/>
        <source>Rectified</source>
        <translation>已整治</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="49"/>
        <source>Hill park</source>
        <translation>山头公园</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="50"/>
        <source>Comprehensive park</source>
        <translation>综合公园</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="51"/>
        <source>Pocket park</source>
        <translation>口袋公园</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="52"/>
        <source>Community park</source>
        <translation>社区公园</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="53"/>
        <source>Tree-lined corridor</source>
        <translation>林荫廊道</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="54"/>
        <source>Vertical greening</source>
        <translation>立体绿化</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="55"/>
        <source>Coastal greenway</source>
        <translation>滨海绿道</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="61"/>
        <source>Planned</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="62"/>
        <source>Under construction</source>
        <translation>在建</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="63"/>
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="67"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="68"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="73"/>
        <source>Households signed</source>
        <translation>签约户数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="74"/>
        <source>Houses signed</source>
        <translation>签约处数</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="75"/>
        <source>Building area signed</source>
        <translation>签约建筑面积</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="76"/>
        <source>Land vacated</source>
        <translation>腾地面积</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="77"/>
        <source>Illegal buildings removed</source>
        <translation>拆除违建数量</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="78"/>
        <source>Illegal building area removed</source>
        <translation>拆除违建面积</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="79"/>
        <source>Hill parks completed</source>
        <translation>山头公园完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="81"/>
        <source>Comprehensive parks completed</source>
        <translation>综合公园完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="84"/>
        <source>Pocket parks completed</source>
        <translation>口袋公园完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="85"/>
        <source>Community parks completed</source>
        <translation>社区公园完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="87"/>
        <source>Tree-lined corridors completed</source>
        <translation>林荫廊道完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="91"/>
        <source>Vertical greening sites completed</source>
        <translation>立体绿化完工</translation>
    </message>
    <message>
        <location filename="../../qdgui/models/vocab.py" line="94"/>
        <source>Coastal greenway completed</source>
        <translation>滨海绿道完工</translation>
    </message>
</context>
<context>
    <name>WeeklyExportDialog</name>
    <message>
        <location filename="../../qdgui/views/export.py" line="35"/>
        <source>Weekly report</source>
        <translation>导出周报</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="45"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="54"/>
        <source>A day in the week</source>
        <translation>该周内任一天</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="55"/>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="56"/>
        <source>Report for</source>
        <translation>报送范围</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="58"/>
        <source>10,000 m² (as the command office writes them)</source>
        <translation>万平方米（按总指挥部的写法）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="59"/>
        <source>m²</source>
        <translation>平方米（㎡）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="61"/>
        <source>Areas in</source>
        <translation>面积单位</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="62"/>
        <source>Add a sheet of the week&apos;s finished cases and parks with their photos</source>
        <translation>附照片页（本周办结的案件和完工的公园及其照片）</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="69"/>
        <source>Form no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="70"/>
        <source>Issued by</source>
        <translation>制表机关</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="71"/>
        <source>Head of unit</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="72"/>
        <source>Head of statistics</source>
        <translation>统计负责人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="73"/>
        <source>Filled in by</source>
        <translation>填表人</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="74"/>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="83"/>
        <source>Reported on</source>
        <translation>报出日期</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="84"/>
        <source>The return&apos;s heading and signers</source>
        <translation>表头与签署</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="87"/>
        <source>Choose file...</source>
        <translation>选择保存位置...</translation>
    </message>
    <message>
        <location filename="../../qdgui/views/export.py" line="104"/>
        <source>Week {number} of {year}: {start} to {end}</source>
        <translation>{year}年第{number}周：{start} 至 {end}</translation>
    </message>
</context>
</TS>
