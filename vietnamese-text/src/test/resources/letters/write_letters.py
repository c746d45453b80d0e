#!/usr/bin/env python3
"""Writes multi-request-letters.jsonl: letters and meeting minutes that hold two to four requests each,
with the requests as the writer meant them. The team's own sentences, in the shapes residents use (numbered
points, "thứ nhất… thứ hai…", "ngoài ra", dashes, voter-meeting lines, SMS without diacritics); no published
petition is copied or paraphrased. Run once; the file is committed.
"""
import json, random, unicodedata

random.seed(1414)

def plain(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')

requests = [
    "đoạn đường bê tông từ nhà văn hóa ra cánh đồng bị vỡ nhiều chỗ, đề nghị sửa chữa",
    "hệ thống đèn chiếu sáng ngõ xóm hỏng đã hai tháng chưa được thay",
    "rãnh thoát nước dọc đường làng bị lấp, mưa to là ngập vào nhà dân",
    "bãi rác tạm cạnh mương tưới không được thu gom, ruồi muỗi rất nhiều",
    "đề nghị kiểm tra việc một hộ xây tường rào lấn ra đường đi chung",
    "quán karaoke gần trường học mở nhạc to đến khuya",
    "nước máy yếu, các hộ cuối tuyến nhiều ngày không có nước",
    "đề nghị xem xét lại danh sách hộ cận nghèo năm nay cho đúng đối tượng",
    "chế độ cho thân nhân liệt sĩ của gia đình tôi chưa được giải quyết",
    "hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp từ năm ngoái vẫn chưa có kết quả",
    "thanh niên tụ tập phóng xe máy tốc độ cao vào buổi tối",
    "có người lạ thu mua phế liệu nghi trộm cắp tài sản",
    "cột điện hạ thế bị nghiêng, dây điện chùng thấp qua đường",
    "đề nghị nạo vét ao làng đang bị ô nhiễm nặng",
    "trường tiểu học thu các khoản đóng góp chưa công khai",
    "đề nghị bố trí bác sĩ trực tại trạm y tế vào buổi tối",
    "cơ sở giết mổ gia súc xả nước thải ra cống chung gây mùi hôi",
    "đề nghị lắp biển báo và gờ giảm tốc ở ngã ba gần chợ",
    "hàng quán lấn chiếm vỉa hè, người đi bộ phải đi xuống lòng đường",
    "cây cầu tạm qua kênh đã mục, đi lại rất nguy hiểm",
    "tình trạng đốt rác thải nhựa gây khói độc vào buổi chiều",
    "đề nghị cấp lại sổ hộ nghèo bị thất lạc cho gia đình bà Hoa",
    "nhà văn hóa xuống cấp, mái dột, không tổ chức họp được",
    "việc chuyển đổi mục đích sử dụng đất vườn của các hộ chưa được hướng dẫn rõ",
    "đề nghị công an tăng cường tuần tra vì gần đây mất trộm gà vịt",
    "trạm biến áp quá tải, điện chập chờn làm hỏng đồ điện",
    "thủ tục chứng thực ở bộ phận một cửa phải chờ quá lâu",
    "mương tiêu úng bị bồi lắng, lúa bị ngập mỗi khi mưa",
    "đề nghị hỗ trợ người già neo đơn sửa nhà trước mùa mưa bão",
    "cửa hàng bán thực phẩm không rõ nguồn gốc gần cổng trường",
]

greetings = [
    "Kính gửi: UBND phường Đông Sơn.\nTôi tên là Trần Văn Bình, trú tại thôn Tam Xuyên.\nTôi làm đơn này kiến nghị một số việc sau:",
    "Kính gửi lãnh đạo phường Đông Sơn,\nChúng tôi là các hộ dân khu phố Phù Lưu, xin kiến nghị:",
    "Kính thưa các đồng chí lãnh đạo phường, tôi là Lê Thị Mai ở tổ dân phố 4.",
    "",
]
closings = ["\nXin trân trọng cảm ơn!", "\nRất mong được các cấp quan tâm giải quyết. Trân trọng.", "\nNgười viết đơn\nTrần Văn Bình", ""]
ordinals = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư"]
spoken = ["Một là", "Hai là", "Ba là", "Bốn là"]
linking = ["Ngoài ra", "Bên cạnh đó", "Đồng thời", "Cuối cùng"]
groups = ["thôn Viên Khê 1", "thôn Hiền Thư", "khu phố Viện Giang", "thôn Hữu Bộc", "tổ dân phố 12", "thôn Cẩm Tú"]

def cap(s):
    return s[0].upper() + s[1:]

def letter(style, reqs):
    g = random.choice(greetings)
    c = random.choice(closings)
    if style == "numbered":
        body = "\n".join(f"{i + 1}. {cap(r)}." for i, r in enumerate(reqs))
    elif style == "parenthesis":
        body = "\n".join(f"{i + 1}) {cap(r)};" for i, r in enumerate(reqs))
    elif style == "letters":
        body = "\n".join(f"{'abcd'[i]}) {cap(r)}." for i, r in enumerate(reqs))
    elif style == "dashes":
        body = "\n".join(f"- {cap(r)}." for r in reqs)
    elif style == "ordinals":
        body = " ".join(f"{ordinals[i]}, {r}." for i, r in enumerate(reqs))
    elif style == "spoken":
        body = " ".join(f"{spoken[i]} {r}." for i, r in enumerate(reqs))
    elif style == "linking":
        parts = [cap(reqs[0]) + "."]
        for i, r in enumerate(reqs[1:]):
            parts.append(f"{linking[i]}, {r}.")
        body = " ".join(parts)
    elif style == "meeting":
        g = "Tổng hợp ý kiến cử tri tại buổi tiếp xúc cử tri ngày 12/10:"
        c = ""
        body = "\n".join(f"Cử tri {groups[(i + len(r)) % len(groups)]} kiến nghị {r}." for i, r in enumerate(reqs))
    elif style == "sms":
        g, c = "", ""
        body = " ".join(f"{i + 1}/ {plain(r).lower()}" for i, r in enumerate(reqs))
    return (g + "\n" + body + c).strip()

styles = ["numbered", "parenthesis", "letters", "dashes", "ordinals", "spoken", "linking", "meeting", "sms"]
rows = []
for n in range(117):
    style = styles[n % len(styles)]
    k = random.choice([2, 2, 3, 3, 4])
    reqs = random.sample(requests, k)
    text = letter(style, reqs)
    rows.append({"style": style, "text": text, "requests": [plain(r).lower() if style == "sms" else r for r in reqs]})

with open("multi-request-letters.jsonl", "w", encoding="utf-8") as out:
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "letters,", sum(len(r["requests"]) for r in rows), "requests")
