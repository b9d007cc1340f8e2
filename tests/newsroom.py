"""Short news articles written for the watch tests (not copied from anywhere), each with claims."""

HOSPITAL = (
    "أعلنت وزارة الصحة في الأردن، يوم الاثنين، افتتاح مستشفى جديد في مدينة الزرقاء بسعة "
    "300 سرير.\nوقال المتحدث باسم الوزارة حازم العلي إن المستشفى سيبدأ استقبال المرضى مطلع "
    "الشهر المقبل، مضيفًا أن الكوادر الطبية اكتملت."
)
POWER_CUT = (
    "قالت شركة الكهرباء الوطنية في بيان، يوم الثلاثاء، إن انقطاع التيار في العاصمة سببه عطل "
    "فني في محطة التحويل الرئيسية.\nوأوضح مدير الشركة سامر الخطيب أن فرق الصيانة أعادت التيار "
    "إلى معظم الأحياء خلال ثلاث ساعات."
)
WHEAT = (
    "أكد وزير الزراعة المغربي يوسف بنعلي أن محصول القمح هذا العام سيتجاوز سبعة ملايين طن رغم "
    "قلة الأمطار.\nوأشار الوزير إلى أن الحكومة ستدعم الفلاحين الصغار بقروض ميسرة."
)
BRIDGE = (
    "Laura Bennett, the city council spokeswoman, said on Tuesday that the new bridge would "
    "open to traffic in March. She added that the project had cost less than planned."
)
VACCINE = (
    "Health Minister Sara Lund said on Monday that the vaccine campaign would reach every "
    "school by June."
)
PORT = (
    "قال رئيس هيئة الموانئ عمر الساعدي، يوم الأربعاء، إن حركة الشحن في ميناء العقبة ارتفعت "
    "بنسبة عشرين في المئة خلال الربع الأخير.\nوأضاف الساعدي أن الهيئة تدرس توسعة رصيف "
    "الحاويات العام المقبل."
)
SCHOOLS = (
    "أعلن وزير التربية والتعليم خالد المصري، يوم الأحد، أن العام الدراسي الجديد سيبدأ في "
    "الأول من سبتمبر في جميع المدارس الحكومية.\nوأكد المصري أن الوزارة وزعت الكتب المدرسية "
    "على المديريات قبل موعدها."
)
# Reports that a Kim visit to Russia is being prepared: the seed has Peskov saying there are
# no such plans.
KIM_VISIT = (
    "وقال المتحدث باسم وزارة الخارجية الكورية الشمالية كيم سون غيونغ، يوم الخميس، إن "
    "التحضيرات جارية لزيارة الزعيم كيم جونغ أون إلى روسيا خلال الأسابيع المقبلة، مؤكدًا أن "
    "موعد الزيارة سيعلن قريبًا."
)

ALL = [HOSPITAL, POWER_CUT, WHEAT, BRIDGE, VACCINE, PORT, SCHOOLS]
