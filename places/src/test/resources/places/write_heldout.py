#!/usr/bin/env python3
"""Writes addressed-heldout.jsonl: petitions in residents' styles, each naming one area of the ward (or none).

The sentences are the team's own, composed here from problems, ways of saying where, and ways of writing
(full letter, hotline note, SMS without diacritics); no published petition is copied or paraphrased.
Run once; the file is committed and the resolver is never tuned on it row by row.
"""
import json, random, unicodedata

random.seed(14)

def plain(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')

problems = [
    "cống thoát nước bị tắc, nước thải tràn ra đường",
    "đèn đường tắt cả tuần nay, tối đi lại rất nguy hiểm",
    "rác thải đổ bừa bãi ven mương, bốc mùi hôi thối",
    "đường bê tông bị sụt lún, ổ gà to, xe máy ngã mấy lần",
    "karaoke hát đến 12 giờ đêm, người già trẻ nhỏ không ngủ được",
    "nước sinh hoạt mất liên tục, có hôm cả ngày không có nước",
    "có người đốt rơm rạ, khói bay vào nhà dân",
    "cột điện nghiêng sắp đổ, dây điện võng thấp",
    "nhà bên cạnh xây lấn ra đường đi chung",
    "thanh niên tụ tập đua xe buổi tối",
    "chó thả rông không rọ mõm, đã cắn trẻ con",
    "xe tải chở đất làm rơi vãi, bụi mù mịt",
    "hồ sơ chế độ người có công nộp từ lâu chưa thấy trả lời",
    "mương tưới bị bồi lấp, ruộng không lấy được nước",
    "trạm biến áp kêu to, hay mất điện",
    "quán ăn xả nước mỡ ra rãnh chung",
    "cây xanh gãy cành chắn ngang đường",
    "ao làng ô nhiễm, cá chết nổi trắng",
    "đề nghị làm lại biển báo giao thông bị đổ",
    "trường mầm non thu thêm nhiều khoản ngoài quy định",
]

openers_letter = [
    "Kính gửi UBND phường Đông Sơn. Tôi tên là Lê Văn Hùng, trú tại {p}. Tôi xin phản ánh: {q}. Đề nghị phường xem xét giải quyết.",
    "Kính gửi lãnh đạo phường, gia đình tôi ở {p}, {q}. Rất mong được quan tâm.",
    "Tôi là Nguyễn Thị Lan, địa chỉ {p}. Xin báo: {q}.",
    "Kính thưa các cấp chính quyền, tại {p} hiện nay {q}. Nhân dân rất bức xúc.",
]
openers_hotline = [
    "Người dân gọi đến báo {q}, địa điểm: {p}.",
    "Công dân phản ánh tại {p}: {q}. Đề nghị kiểm tra.",
    "Ông Tuấn ({p}) gọi tổng đài: {q}.",
]
openers_sms = [
    "{p} {q}",
    "o {p} {q} mong xa xu ly som",
    "{q} o {p} ai xu ly giup voi",
    "bao cao {q} tai {p}",
]

def pick_style():
    r = random.random()
    if r < 0.4:
        return random.choice(openers_letter), False
    if r < 0.6:
        return random.choice(openers_hotline), False
    return random.choice(openers_sms), True

# Ways of saying where, per area: (area code, [phrases])
places = []
for i in range(1, 21):
    c = f"tdp-{i:02d}"
    places.append((c, [f"tổ dân phố {i}, thị trấn Rừng Thông cũ", f"TDP {i:02d} Rừng Thông", f"tdp{i} tt rung thong",
                       f"tổ {i} phường Rừng Thông", f"số {10 + i} ngõ {i + 2}, tổ dân phố số {i} (Rừng Thông)"]))
def thon(unit_vi, unit_code, name, slug, extra=()):
    c = f"{unit_code}-{slug}"
    unit_plain = plain(unit_vi).lower()
    forms = [f"thôn {name}, xã {unit_vi}", f"thon {plain(name).lower()} {unit_plain}", f"{name} ({unit_vi} cũ)",
             f"xóm {name} x.{unit_vi}", f"làng {name}"]
    places.append((c, forms + list(extra)))
thon("Đông Khê", "dong-khe", "Chợ Rủn", "cho-run", ["đoạn Quốc lộ 47 qua thôn Chợ Rủn"])
thon("Đông Khê", "dong-khe", "Thạch Khê Thượng", "thach-khe-thuong")
thon("Đông Khê", "dong-khe", "Thạch Khê Tiên", "thach-khe-tien")
thon("Đông Khê", "dong-khe", "Tam Xuyên", "tam-xuyen", ["số 88 QL47 thôn Tam Xuyên"])
thon("Đông Khê", "dong-khe", "Bắc Giáp", "bac-giap")
thon("Đông Khê", "dong-khe", "Tuyên Hóa", "tuyen-hoa")
thon("Đông Khê", "dong-khe", "Thanh Oai", "thanh-oai")
thon("Đông Khê", "dong-khe", "Viên Khê 1", "vien-khe-1", ["cổng làng Viên Khê 1"])
thon("Đông Khê", "dong-khe", "Viên Khê 2", "vien-khe-2", ["vien khe 2 dong khe cu"])
thon("Đông Hoàng", "dong-hoang", "Học Thượng", "hoc-thuong", ["làng Hộc Thượng"])
thon("Đông Hoàng", "dong-hoang", "Hoàng Học", "hoang-hoc")
thon("Đông Hoàng", "dong-hoang", "Thọ Phật 1", "tho-phat-1")
thon("Đông Hoàng", "dong-hoang", "Thọ Phật 2", "tho-phat-2", ["làng Thậu"])
places.append(("dong-hoang-dong-tam", ["thôn Đồng Tâm, xã Đông Hoàng", "thon dong tam dong hoang", "xóm Đồng Tâm (Đông Hoàng cũ)"]))
thon("Đông Hoàng", "dong-hoang", "Cẩm Tú", "cam-tu")
for name, slug in [("Hữu Bộc", "huu-boc"), ("Vạn Lộc", "van-loc"), ("Trường Xuân", "truong-xuan"), ("Hạc Thành", "hac-thanh"),
                   ("Thanh Huy", "thanh-huy"), ("Phú Bình", "phu-binh"), ("Phủ Trẩn", "phu-tran")]:
    thon("Đông Ninh", "dong-ninh", name, slug)
places.append(("dong-ninh-the-gioi", ["thôn Thế Giới, xã Đông Ninh", "thon the gioi dong ninh", "thôn Thế Giới"]))
# Đông Hòa: today's names and the old numbers residents keep
old = {"phu-minh": (1, 2), "hien-thu": (3, 4), "chinh-binh": (5, 6), "thuong-hoa": (7, 12), "tu-cuu": (8, 9), "tan-dai": (10, 11)}
names = {"phu-minh": "Phú Minh", "hien-thu": "Hiền Thư", "chinh-binh": "Chính Bình", "thuong-hoa": "Thượng Hòa", "tu-cuu": "Tự Cựu", "tan-dai": "Tân Đại"}
for slug, (a, b) in old.items():
    n = names[slug]
    places.append((f"dong-hoa-{slug}", [f"thôn {a} xã Đông Hòa cũ", f"thon {b} x dong hoa", f"thôn {n}, Đông Hòa",
                                        f"thon {plain(n).lower()}", f"thôn {b} (cũ), xã Đông Hòa", f"xóm {a} Đông Hòa"]))
for i in range(1, 5):
    places.append((f"dong-minh-thon-{i}", [f"thôn {i} xã Đông Minh", f"thon {i} dong minh", f"thôn số {i}, Đông Minh cũ",
                                           f"th {i} x.dong minh".replace("th ", "thon ")]))
for name, slug, alias in [("Đại Từ", "dai-tu", "Kẻ Bụt"), ("Ngọc Lậu", "ngoc-lau", "Kẻ Dậu"), ("Đà Ninh", "da-ninh", None)]:
    thon("Đông Thịnh", "dong-thinh", name, slug, [alias] if alias else [])
places.append(("dong-thinh-doan-ket", ["thôn Đoàn Kết, xã Đông Thịnh", "thon doan ket dong thinh", "làng Mai Xuyên", "xóm Đoàn Kết phường Đông Thịnh"]))
for name, slug, alias in [("Phù Lưu", "phu-luu", "làng Trầu"), ("Viện Giang", "vien-giang", "làng Vèn"), ("An Hoạch", "an-hoach", "Nhồi Thượng")]:
    places.append((f"dong-tan-{slug}", [f"khu phố {name}, phường Đông Tân", f"KP {plain(name)} P.Dong Tan", f"kp {plain(name).lower()} dong tan",
                                        f"{alias} (Đông Tân)", f"khu {name}"]))
places.append(("dong-tan-dong", ["khu phố Đông, phường Đông Tân", "kp dong p dong tan"]))

# Written the way people actually slip: reversed order, Roman numerals, glued abbreviations, old tone marks.
places.append(("dong-hoa-hien-thu", ["Đông Hòa thôn 3", "xa Dong Hoa, thon 4 cu", "thôn Hiền Thư (thôn 3 cũ)", "Đông Hoà, thôn Hiền Thư"]))
places.append(("dong-khe-vien-khe-2", ["thôn Viên Khê II, Đông Khê", "vienkhe 2", "Viên Khê 2 - ĐK"]))
places.append(("dong-hoang-tho-phat-1", ["thôn Thọ Phật I xã Đông Hoàng", "tho phat1 dong hoang"]))
places.append(("tdp-07", ["TDP.07 - TT. Rừng Thông", "tổ dân phố 7 Rừng Thông (nay là phường Đông Sơn)", "to dan pho so 7"]))
places.append(("tdp-15", ["Tổ 15, thị trấn Rừng Thông", "t.d.p 15 rung thong"]))
places.append(("dong-minh-thon-2", ["Đông Minh, thôn 2", "thôn 02 xã Đông Minh cũ"]))
places.append(("dong-tan-phu-luu", ["khu phố Phù Lưu", "Phù Lưu, Đông Tân"]))
places.append(("dong-ninh-van-loc", ["làng Vạn Lộc Đông Ninh", "van loc"]))
places.append(("dong-thinh-ngoc-lau", ["thôn Ngọc Lậu phường Đông Thịnh cũ", "ngoc lau dong thinh"]))

rows = []
for code, forms in places:
    for form in forms:
        template, sms = pick_style()
        q = random.choice(problems)
        text = template.format(p=form, q=q)
        if sms:
            text = plain(text).lower()
        rows.append({"text": text, "area": code})

unknown_texts = [
    "Đèn đường trước nhà tôi hỏng mấy hôm nay, đề nghị sửa giúp.",
    "cong thoat nuoc bi tac mui hoi qua",
    "Tôi muốn hỏi thủ tục cấp lại căn cước mất bao lâu?",
    "Karaoke hàng xóm hát to đến nửa đêm, mong chính quyền can thiệp.",
    "Đề nghị phường kiểm tra việc đổ trộm phế thải xây dựng ban đêm.",
    "xin hoi ve che do tro cap cho nguoi cao tuoi tren 80",
    "Thửa đất tờ bản đồ số 12, thửa số 45 của gia đình tôi chưa được cấp sổ đỏ.",
    "Hôm qua ngày 5/11 có vụ trộm xe máy, đề nghị công an vào cuộc.",
    "Giá điện tháng này tăng gấp đôi, đề nghị kiểm tra công tơ.",
    "mat nuoc 3 ngay roi ma ko ai thong bao",
    "Trường học thu tiền học thêm không có biên lai.",
    "Quán nhậu để bàn ghế tràn ra vỉa hè, người đi bộ phải xuống lòng đường.",
    "Cán bộ một cửa hẹn lên hẹn xuống, tôi đi 4 lần vẫn chưa xong hồ sơ.",
    "Có người bán hàng rong dùng loa kéo quá to vào buổi trưa.",
    "Đường làng sau mưa ngập sâu, đề nghị nạo vét rãnh.",
    "Tôi gọi 3 lần số tổng đài mà không ai nghe máy.",
    "Xin cảm ơn cán bộ đã xử lý nhanh việc cây đổ hôm trước.",
    "nha ben canh nuoi lon gan nha dan boc mui",
    "Đề nghị bố trí thêm thùng rác công cộng ở chợ.",
    "Trạm y tế đóng cửa sớm, người dân khám bệnh không kịp.",
    "Tiền hỗ trợ hộ nghèo năm nay đến giờ vẫn chưa nhận được.",
    "Có đối tượng lạ mặt hay lảng vảng trước cổng trường lúc tan học.",
    "Cây xăng mới xây có đủ giấy phép không ạ?",
    "Mong phường tổ chức lớp dạy bơi cho trẻ em trong hè.",
    "Xe chở rác đi qua rơi vãi nước rỉ rác suốt con đường.",
    "dien chap chon suot, tu lanh hong 2 lan roi",
    "Nhờ cán bộ giải thích lại quy định về xây dựng nhà ở nông thôn.",
    "Tôi phản ánh việc tiêm phòng dại cho chó mèo năm nay chưa thấy thông báo.",
    "Hàng quán bán đồ ăn không rõ nguồn gốc gần cổng chợ.",
    "Đề nghị lắp gờ giảm tốc ở chỗ đường cong hay xảy ra tai nạn.",
    "Số điện thoại của tôi là 0912 345 678, mong được gọi lại.",
    "Nhà văn hóa xuống cấp, mái dột, cần sửa trước mùa mưa.",
    "Có người đánh bạc tụ tập đông người buổi tối.",
    "Gia đình tôi 5 người mà chỉ được chia 2 suất gạo hỗ trợ.",
    "Khói từ lò gạch thủ công gây ngột ngạt cả vùng.",
    "ong hang xom xay tuong lan sang dat nha toi 30 cm",
    "Trẻ em chơi gần ao sâu không có rào chắn, rất nguy hiểm.",
    "Cho tôi hỏi lịch tiếp công dân của chủ tịch phường tuần này.",
    "Đề nghị tăng chuyến xe buýt giờ tan tầm.",
    "Nước máy có mùi clo nồng và màu vàng.",
]
for t in unknown_texts:
    rows.append({"text": t, "area": None})

random.shuffle(rows)
with open("addressed-heldout.jsonl", "w", encoding="utf-8") as out:
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), sum(1 for r in rows if r["area"]), "addressed")
