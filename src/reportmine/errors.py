"""The catalog of error and warning codes.

Every problem a user can meet has a stable code (``E…`` for errors that stop a
file, ``W…`` for warnings attached to a document). Exported records carry the
code, so downstream systems never parse message text. Messages are in Chinese
for the people who read them; the code and identifiers stay in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# code -> message template (str.format fields come from ``details``)
MESSAGES: dict[str, str] = {
    # input files
    "E001": "找不到文件：{path}",
    "E002": "文件为空：{path}",
    "E003": "文件过大（{size} 字节，上限 {limit} 字节）：{path}",
    "E004": "不支持的文件格式（{kind}）：{path}",
    "E005": "旧版 Word 二进制文档（.doc）暂不支持，请另存为 .docx 后再提交：{path}",
    "E006": "图片文件无法读取文字，请提交含文字层的文档：{path}",
    "E007": "无法识别文本编码（不是 UTF-8、UTF-16、GB18030 或 Big5 文本）：{path}",
    "E008": "文件无法读取：{path}（{reason}）",
    "E009": "符号链接形成循环，无法找到实际文件：{path}",
    "E010": "链接指向的文件不存在（断开的链接）：{path}",
    "E011": "文件夹无法读取，其中的文件未被分析：{path}（{reason}）",
    "E012": "不是普通文件（{kind}），未读取：{path}",
    "E013": "没有读取该文件的权限：{path}",
    # docx
    "E101": "Word 文档已损坏或不是有效的 .docx 文件：{path}（{reason}）",
    "E102": "Word 文档解压后超过读取上限（{what}：{value}，上限 {limit}），疑为压缩炸弹，未读取：{path}",
    # pdf
    "E201": "PDF 文件已损坏，无法解析：{path}（{reason}）",
    "E202": "PDF 文件已加密，需要密码才能读取：{path}",
    "E203": "PDF 没有文字层（可能是扫描件），需先做文字识别（OCR）：{path}",
    "E204": "PDF 的内容流已损坏，无法解码，读不出文字：{path}（{reason}）",
    "E205": "PDF 超过读取上限（{what}：{value}，上限 {limit}），疑为解压炸弹或异常文件，未读取：{path}",
    # run database (E4…)
    "E401": "无法打开运行数据库：{url}（{reason}）",
    "E402": "写入运行数据库失败，文档“{doc}”的数据未写入：{reason}",
    "E403": "连接 PostgreSQL 需要 psycopg 驱动，请先安装：pip install 'reportmine[postgres]'（{url}）",
    # the batch engine (E8…): what happened around a file, not inside a reader
    "E801": "文件分析超时（超过 {seconds} 秒），已终止处理它的工作进程：{path}",
    "E802": "文件分析耗尽了内存（超过工作进程的内存上限），已跳过：{path}",
    "E803": "处理该文件的工作进程意外终止：{path}（{reason}）",
    "E804": "分析该文件时发生内部错误：{path}（{reason}）",
    "E805": "运行被中断，该文件未分析：{path}",
    "E806": "分析工作进程无法启动：{reason}",
    "E807": "输出目录 {output} 正被另一个 reportmine analyze 使用，请等它结束后再运行",
    "E808": "运行出现内部错误，已停止：{reason}",
    "E809": "使用 --engine dask 需要安装 distributed：pip install 'reportmine[dask]'（{reason}）",
    "E810": "内存上限 {limit} MiB（--memory-limit）小于分析进程已占用的地址空间（{used} MiB），无法在此上限内分析；请调高 --memory-limit，或设为 0 取消上限",
    # warnings
    "W001": "文本中有 {count} 处字节无法按 {encoding} 解码，已替换为 U+FFFD",
    "W002": "文本编码按 {encoding} 推断，可信度较低",
    "W201": "PDF 第 {pages} 页没有文字层（可能是扫描页），这些页的内容未被读取",
    "W202": "PDF 中有 {count} 个数据流已损坏，无法解码，其中的内容可能缺失",
    # exports (E3…/W3…)
    "W301": "未安装 {module}，未写出 {output}；请运行 pip install 'reportmine[{extra}]'",
    "E301": "无法写出 {output}：{reason}",
    # scoring rules and records to score (E5…/W5…)
    "E501": "评分规则文件无法读取：{path}（{reason}）",
    "E502": "评分规则 {where}：缺少字段“{field}”",
    "E503": "评分规则 {where}：字段“{field}”的值“{value}”无效，应为{expected}",
    "E504": "评分规则 {where}：未知字段“{field}”（可用字段：{known}）",
    "E505": "评分规则 {where}：单位“{unit}”无法识别",
    "E506": "评分规则 {where}：指标“{indicator}”与{other}重复",
    "E507": "记录文件无法读取：{path}（{reason}）",
    "E508": "记录文件 {path} 缺少列：{columns}",
    "E509": "读取 {path} 需要 {module}，请运行 pip install 'reportmine[{extra}]'",
    # review: users, decisions, the review database (E6…)
    "E601": "用户“{name}”已存在",
    "E602": "找不到用户“{name}”",
    "E603": "角色“{role}”无效，应为 reviewer 或 admin",
    "E604": "密码太短：至少需要 {min} 个字符",
    "E605": "用户名“{name}”无效：需 1–64 个字符，不含空白",
    "E606": "找不到文档 {doc}",
    "E607": "文档 {doc} 中找不到{kind}“{item}”",
    "E608": "“{field}”不可更正（可更正：{known}）",
    "E609": "值“{value}”无效：{reason}",
    "E610": "{what}需要填写理由",
    "E611": "“{object}”已被 {by} 于 {at} 修改（当前版本 {current}，您提交时看到的是版本 {seen}）；请查看对方的修改，您填写的内容已保留，可确认后重新提交",
    "E612": "{what}“{value}”无效，应为 {expected}",
    # the review web app (E7…)
    "E701": "需要有效的 API 令牌（请求头 Authorization: Bearer …）",
    "E702": "运行审核网页需要 web 组件，请先安装：pip install 'reportmine[web]'（缺少 {module}）",
    "E703": "无法在 {host}:{port} 上启动审核网页：{reason}",
    # review flags (R…): what a reviewer must send back or check
    "R101": "数值是模板占位符“{text}”，请填写实际数字",
    "R102": "日期是模板占位符“{text}”，请填写实际日期",
    "R103": "名称是模板占位符“{text}”，请填写实际名称",
    "R104": "文字缺失，留有占位符“{text}”",
    "R201": "“{context}”有单位或百分号，但缺少数字",
    "R202": "“{context}”中的数字缺少单位（%、成或分数），无法判断数值",
    "R301": "分项之和与总数不符：{arithmetic}",
    "R302": "比率与其计数不符：{arithmetic}",
    "R303": "完成率与实际值、目标值不符：{arithmetic}",
    "R304": "所报差值与两数之差不符：{arithmetic}",
    "R305": "增长率与前后两期数值不符：{arithmetic}",
    "R306": "“分别”所列的数值与项目不能一一对应：{detail}",
    "R307": "{indicator}为{value}，超过了100%",
    "R308": "同一指标“{indicator}”在文中出现两个不同数值：{values}",
    "R309": "各部分占比之和不等于100%：{arithmetic}",
    "R310": "数值的单位与其变化量的单位不符：{arithmetic}",
    "R311": "数值不合常理，可能有错漏：{arithmetic}",
    "R312": "两个相关计数互相矛盾：{arithmetic}",
    "R313": "算式的结果与所报不符：{arithmetic}",
}


@dataclass
class Problem:
    """A coded problem: the payload of errors and of document warnings."""

    code: str
    details: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        template = MESSAGES[self.code]
        try:
            return template.format(**self.details)
        except (KeyError, IndexError):
            return template

    @property
    def severity(self) -> str:
        return "error" if self.code.startswith("E") else "warning"

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "details": {k: v for k, v in self.details.items()}}


class ReportmineError(Exception):
    """Bad input: carries a stable code and a Chinese message."""

    def __init__(self, code: str, **details):
        if code not in MESSAGES:
            raise KeyError(f"unknown error code {code}")
        from .filenames import display_path

        # details are shown and recorded: never a surrogate-escaped file name
        self.problem = Problem(code, {k: display_path(str(v)) for k, v in details.items()})
        super().__init__(f"[{code}] {self.problem.message}")

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def message(self) -> str:
        return self.problem.message


class ReaderError(ReportmineError):
    """A file could not be read into a document."""


def warning(code: str, **details) -> Problem:
    if code not in MESSAGES or not code.startswith("W"):
        raise KeyError(f"unknown warning code {code}")
    return Problem(code, {k: (v if isinstance(v, (int, float)) else str(v))
                          for k, v in details.items()})
