"""The words staff write into the sample's realisation forms (illustrative, used by build_realisasi.py):
the report each indicator promises, the evidence each kind of activity leaves, and the obstacles and
remedies of the quarters where something really got in the way. Formal Indonesian, following the 2024
calendar of ../shared/DOMAIN.md (Pemilu 14 Februari, Pilkada 27 November)."""

from __future__ import annotations

# The output an indicator's "1 laporan"/"1 layanan" target counts: cited as evidence in the quarter it is done.
LAPORAN = {
    "K01.I01": "Dokumen rencana program tahunan dan RKA 2024 beserta revisinya",
    "K01.I02": "NPHD Pilkada 2024 beserta addendum rincian anggaran hibah dan laporan revisi anggaran",
    "K01.I03": "Himpunan keputusan dan berita acara tahapan Pemilu dan Pilkada 2024",
    "K01.I04": "Laporan sosialisasi dan bimbingan teknis tahapan Pemilu 2024",
    "K01.I05": "Laporan pembentukan PPK, PPS, KPPS dan PPDP Pilkada 2024",
    "K01.I06": "Laporan pemutakhiran data pemilih dan SK penetapan DPT Pilkada 2024",
    "K01.I07": "SK penetapan pasangan calon Bupati dan Wakil Bupati dan laporan tahapan pencalonan",
    "K01.I08": "Laporan pengawasan jadwal dan kepatuhan kampanye Pilkada 2024",
    "K01.I09": "Laporan verifikasi hasil audit dana kampanye",
    "K01.I10": "Laporan rekapitulasi hasil penghitungan suara tepat waktu",
    "K01.I11": "Laporan fasilitasi dan penyelesaian sengketa hukum pemilu",
    "K01.I12": "Laporan ketersediaan logistik di TPS",
    "K01.I13": "Laporan pelaksanaan bimbingan teknis dan simulasi penyelenggara",
    "K01.I14": "Rekap notulen rapat kerja dan laporan supervisi tahun 2024",
    "K01.I15": "Rekapitulasi perjalanan dinas terhadap rencana tahun 2024",
    "K01.I16": "Laporan pemeliharaan sarana dan prasarana kantor tahun 2024",
    "K01.I17": "Laporan penyediaan dan penggunaan BBM operasional tahun 2024",
    "K01.I18": "Laporan layanan administrasi perkantoran tahun 2024",
    "K01.I19": "Laporan realisasi belanja modal peralatan IT dan mesin kantor",
    "K01.I20": "SK kelompok kerja tahapan dan laporan kerja pokja",
    "K01.I21": "Laporan pembayaran honorarium badan ad hoc tepat waktu",
    "K02.I01": "Dokumen RKA K/L 2025 dan rencana kerja 2024",
    "K03.I01": "Laporan penyelenggaraan pelatihan teknis badan ad hoc",
    "K04.I01": "Laporan sosialisasi tahapan dan bimbingan teknis badan ad hoc",
    "K05.I01": "Laporan kesiapan perangkat dan jaringan IT pemungutan suara",
    "K06.I01": "Laporan pemanfaatan Sidalih dan Sirekap",
    "K07.I01": "Laporan pembayaran honorarium badan ad hoc",
    "K07.I02": "Laporan pelatihan badan ad hoc sesuai standar",
    "K08.I01": "Laporan fasilitasi kampanye (lokasi, APK dan bahan kampanye)",
    "K08.I02": "Laporan penanganan dan penyelesaian pelanggaran kampanye",
    "K09.I01": "Laporan distribusi logistik tepat waktu",
    "K09.I02": "Berita acara serah terima hasil pengadaan dan distribusi logistik",
    "K09.I03": "Laporan dokumentasi distribusi dan pengembalian logistik",
    "K10.I01": "Laporan kesiapan TPS",
    "K10.I02": "Laporan pelaksanaan pemungutan dan penghitungan suara",
    "K10.I03": "Laporan evaluasi tahapan pemungutan dan penghitungan suara",
    "K11.I01": "Keputusan penetapan hasil dan laporan penyampaian hasil kepada peserta",
    "K11.I02": "Laporan penyelesaian sengketa hasil",
    "K12.I01": "Daftar gaji dan SP2D gaji serta tunjangan Januari–Desember 2024",
    "K12.I02": "Laporan Keuangan (SAK) Semester II/Tahunan 2024",
    "K12.I03": "LPPA bulanan Januari–Desember 2024",
    "K13.I01": "Rekap belanja kebutuhan sehari-hari perkantoran 2024",
    "K13.I02": "Laporan BMN dan persediaan Semester II 2024",
    "K13.I03": "Rekap belanja operasional satker 2024",
    "K13.I04": "Rekap belanja pemeliharaan kantor 2024",
}

# The evidence an activity leaves, by the words of its name (first match wins; order matters).
BUKTI = [
    (("penyusunan laporan", "menyusun laporan"), "draf dan naskah laporan"),
    (("gaji", "honorarium", "honor ", "pembayaran"), "SPM/SP2D dan daftar nominatif penerima"),
    (("perjalanan dinas",), "surat tugas, SPD dan laporan perjalanan dinas"),
    (("rapat",), "undangan, notulen dan daftar hadir"),
    (("supervisi", "monitoring"), "laporan hasil monitoring dan supervisi"),
    (("sosialisasi", "penyuluhan"), "laporan kegiatan, daftar hadir peserta dan foto"),
    (("bimbingan teknis", "pelatihan", "simulasi", "penguatan kapasitas"), "daftar hadir, bahan tayang dan laporan"),
    (("rekrutmen",), "pengumuman, berita acara hasil seleksi dan SK penetapan"),
    (("pembentukan",), "SK pembentukan"),
    (("pemutakhiran", "sistem informasi pemilih", "sidalih"), "berita acara rekapitulasi dan cetakan Sidalih"),
    (("verifikasi",), "berita acara hasil verifikasi"),
    (("rekapitulasi",), "berita acara dan sertifikat hasil rekapitulasi"),
    (("penetapan",), "keputusan dan berita acara penetapan"),
    (("pengadaan", "pembelian"), "kontrak/SPK dan berita acara serah terima barang"),
    (("distribusi",), "berita acara serah terima logistik"),
    (("audit",), "laporan hasil audit KAP"),
    (("penyampaian hasil",), "surat pengantar dan tanda terima salinan hasil"),
    (("sengketa", "pendampingan hukum"), "surat kuasa, keterangan tertulis dan putusan"),
    (("penanganan pelanggaran",), "register dan surat penerusan dugaan pelanggaran"),
    (("pemeliharaan",), "berita acara pemeliharaan"),
    (("bbm",), "bukti pembelian BBM dan kartu kendali kendaraan"),
    (("identifikasi",), "daftar kebutuhan perangkat"),
    (("instalasi", "pengujian"), "berita acara uji fungsi"),
    (("fasilitasi", "fasilitas"), "berita acara fasilitasi"),
    (("koordinasi",), "undangan dan notulen koordinasi"),
    (("dokumen perkantoran", "administrasi"), "agenda surat dan register layanan"),
    (("belanja",), "kuitansi dan SPM"),
    (("evaluasi",), "laporan evaluasi"),
    (("penyusunan", "menyusun", "revisi"), "dokumen hasil penyusunan"),
    (("pembuatan berita acara",), "berita acara tahapan"),
]

# (kode, triwulan): (kendala, upaya). Only where something got in the way: the indicators that end
# the year under target, the activities that ran late, and obstacles that were overcome.
KENDALA = {
    # Under target at the end of the year.
    ("K01.I04", 4): (
        "Laporan sosialisasi dan bimbingan teknis tahapan Pilkada belum dapat difinalkan s.d. 31 Desember 2024: "
        "rekap daftar hadir peserta sosialisasi dari 4 PPK belum diterima dan bimtek KPPS gelombang kedua baru "
        "selesai 22 November 2024.",
        "Menyurati PPK untuk melengkapi rekap daftar hadir paling lambat 10 Januari 2025; laporan Pilkada "
        "diselesaikan pada Triwulan I 2025 dan untuk RAK 2025 tenggat laporan dibuat per kegiatan, bukan akhir "
        "tahun."),
    ("K01.I09", 4): (
        "Laporan hasil audit KAP atas LPPDK pasangan calon Pilkada baru diterima 27 Desember 2024, sehingga "
        "verifikasi dan berita acara hasil audit tidak dapat diselesaikan pada tahun anggaran 2024.",
        "Verifikasi hasil audit dijadwalkan pada minggu pertama Januari 2025 dan hasilnya diumumkan di laman KPU "
        "Kabupaten; penunjukan KAP untuk pemilihan berikutnya diusulkan lebih awal kepada KPU Provinsi."),
    ("K09.I03", 4): (
        "Pengembalian kotak suara dan sisa logistik dari 11 PPK baru tuntas 20 Desember 2024; inventarisasi, "
        "pemotretan dan berita acara penyimpanan di gudang belum selesai sehingga laporan dokumentasi logistik "
        "belum tersusun lengkap.",
        "Tim logistik menyelesaikan inventarisasi gudang dan menyusun laporan pada Januari 2025; jadwal "
        "pengembalian logistik dari PPK dimajukan dalam rencana kerja berikutnya agar laporan selesai di tahun "
        "berjalan."),
    # Activities that ran late, caught up.
    ("K01.I05", 2): (
        "Pendaftaran calon anggota PPS Pilkada di beberapa nagari kurang peminat sehingga jumlah pendaftar belum "
        "mencapai dua kali kebutuhan; tahapan seleksi PPS mundur dari jadwal RAK.",
        "Masa pendaftaran PPS diperpanjang sesuai ketentuan, pengumuman ulang disebarkan melalui wali nagari dan "
        "media sosial KPU Kabupaten; SK PPS ditetapkan sebelum pelantikan."),
    ("K01.I05", 4): (
        "Sebagian calon anggota KPPS tidak memenuhi syarat usia dan surat keterangan sehat, sehingga penetapan "
        "KPPS di sejumlah TPS terlambat.",
        "PPS melakukan rekrutmen susulan dari daftar cadangan dan KPU Kabupaten memantau pengisian kekosongan "
        "melalui rapat daring dengan PPK; seluruh KPPS dilantik sebelum bimtek."),
    ("K07.I02", 2): (
        "Pelatihan PPS bergeser dari jadwal karena menunggu pelantikan PPS hasil perpanjangan pendaftaran.",
        "Pelatihan dilaksanakan per zona kecamatan pada Juni 2024 dengan materi yang sama, sehingga seluruh PPS "
        "terlatih sebelum pemutakhiran data pemilih dimulai."),
    ("K07.I02", 4): (
        "Bimbingan teknis KPPS terhambat keterlambatan penetapan KPPS di sejumlah TPS.",
        "Bimtek KPPS gelombang kedua dilaksanakan pada akhir November 2024 dan dilengkapi video tutorial untuk "
        "KPPS yang ditetapkan belakangan."),
    ("K09.I02", 1): (
        "Distribusi logistik Pemilu ke PPK tertahan menunggu surat suara pengganti untuk surat suara yang rusak "
        "saat sortir dan lipat.",
        "Surat suara pengganti diminta ke penyedia melalui KPU Provinsi dan didistribusikan dengan pengawalan "
        "kepolisian; seluruh logistik tiba di TPS sebelum 13 Februari 2024."),
    ("K09.I02", 4): (
        "Akses ke beberapa TPS di daerah perbukitan sulit dilalui kendaraan saat musim hujan November 2024.",
        "Distribusi ke lokasi sulit dimulai dua hari lebih awal dengan kendaraan roda dua dan dikoordinasikan "
        "dengan Polres dan Kodim; logistik tiba di seluruh TPS pada H-1."),
    ("K13.I02", 1): (
        "SK operator persediaan dan aset tetap tahun 2024 baru ditandatangani akhir Maret sehingga honor operator "
        "Triwulan I dibayarkan pada April 2024.",
        "Penerbitan SK operator untuk tahun berikutnya dijadwalkan pada Desember tahun sebelumnya."),
    # Obstacles met and overcome.
    ("K01.I02", 2): (
        "Pencairan dana hibah tahap II (60%) menunggu penyesuaian rincian NPHD dengan Pemerintah Kabupaten.",
        "Berkoordinasi dengan BPKD dan TAPD Kabupaten Pasaman Barat; dana tahap II diterima pada akhir Juni 2024 "
        "dan revisi anggaran hibah diselesaikan pada Juli."),
    ("K01.I06", 3): (
        "Saat coklit, pemilih yang merantau atau bekerja di luar daerah sulit ditemui di alamatnya.",
        "Pantarlih melakukan kunjungan ulang di luar jam kerja dan berkoordinasi dengan wali jorong; data pemilih "
        "yang tidak dapat ditemui diverifikasi melalui keluarga dan Disdukcapil."),
    ("K06.I01", 1): (
        "Aplikasi Sirekap mengalami gangguan unggah foto formulir C.Hasil pada malam 14 Februari 2024 di sejumlah "
        "TPS dengan sinyal lemah.",
        "Operator Sirekap PPK membantu unggah dari kantor kecamatan dan KPU Kabupaten membuka layanan bantuan "
        "daring; rekapitulasi tetap berpedoman pada formulir manual."),
    ("K01.I12", 1): (
        "Ditemukan surat suara rusak dan kurang saat sortir dan lipat surat suara Pemilu di gudang logistik.",
        "Surat suara rusak dicatat dalam berita acara dan dimusnahkan; kekurangan ditutup dengan surat suara "
        "pengganti dan cadangan 2% per TPS sesuai ketentuan."),
    ("K10.I01", 4): (
        "Beberapa lokasi TPS yang diusulkan PPS berada di area rawan genangan saat hujan lebat.",
        "Lokasi TPS dipindahkan ke bangunan sekolah dan balai nagari terdekat setelah survei bersama PPK dan "
        "pengawas; pemindahan diumumkan kepada pemilih melalui surat pemberitahuan."),
    ("K01.I21", 1): (
        "Pembayaran honorarium KPPS Pemilu menunggu kelengkapan SK dan daftar nominatif dari PPS.",
        "Verifikasi dokumen dilakukan per kecamatan dan honorarium ditransfer langsung ke rekening anggota KPPS."),
    ("K08.I02", 4): (
        "Terdapat laporan pemasangan alat peraga kampanye pasangan calon di tempat yang dilarang.",
        "Dugaan pelanggaran diteruskan ke Bawaslu Kabupaten dan penertiban APK dilakukan bersama Satpol PP dan "
        "tim kampanye pasangan calon."),
    ("K12.I03", 4): (
        "Akses aplikasi SAKTI melambat menjelang batas akhir tutup buku Desember 2024.",
        "Penginputan LPPA dijadwalkan di luar jam sibuk dan bendahara berkonsultasi dengan KPPN mitra kerja "
        "melalui layanan daring."),
    ("K04.I01", 3): (
        "Sosialisasi kepada pemilih pemula di sekolah terbatas karena libur kenaikan kelas pada akhir Juni hingga "
        "pertengahan Juli 2024.",
        "Sosialisasi dialihkan ke kegiatan organisasi kepemudaan dan media sosial, lalu dilanjutkan ke sekolah "
        "setelah tahun ajaran baru dimulai."),
}

# What the form's Keterangan column says in a month an activity runs late: (aktivitas, triwulan) -> note.
TERLAMBAT = {
    ("K01.I05.A01", 2): "Seleksi PPS mundur dua bulan karena perpanjangan masa pendaftaran.",
    ("K01.I05.A01", 3): "Penetapan PPS hasil perpanjangan pendaftaran selesai Juli 2024.",
    ("K01.I05.A01", 4): "Rekrutmen KPPS mundur: rekrutmen susulan untuk TPS yang kekurangan anggota.",
    ("K07.I02.A01", 2): "Pelatihan PPS menunggu pelantikan PPS hasil perpanjangan pendaftaran.",
    ("K07.I02.A01", 4): "Bimtek KPPS gelombang kedua akhir November 2024.",
    ("K09.I02.A01", 1): "Distribusi menunggu surat suara pengganti.",
    ("K09.I02.A01", 4): "Distribusi ke TPS di daerah sulit dimulai lebih awal, selesai H-1.",
    ("K13.I02.A01", 1): "Honor operator Triwulan I dibayarkan April 2024 setelah SK operator terbit.",
    ("K13.I02.A01", 2): "Honor operator Triwulan II dibayarkan Juli 2024.",
    ("K13.I02.A01", 3): "Honor operator Triwulan III dibayarkan Oktober 2024.",
    ("K13.I02.A01", 4): "Honor operator Desember diproses bersama tutup buku; dibayarkan Januari 2025.",
}
