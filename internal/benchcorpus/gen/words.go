package gen

// The word banks below are invented for this generator: places, people and outlets that do not
// exist, and sentence patterns in the manner of wire copy. Slots in braces are filled per story
// ({town}, {region}, {agency}, ...) or per article ({n}, {day}).

var towns = []string{"Varnel", "Ostrica", "Bellmoor", "Kestrany", "Dunmarrow", "Pellago", "Sarvik",
	"Tolvena", "Marchbury", "Ildrum", "Corvasse", "Lintgate", "Rookhaven", "Zelmora", "Haldane Cross",
	"Fenwick Bay", "Orlesti", "Brasková", "Quenmoor", "Vadrin"}

var regions = []string{"Almira province", "the Northern Marches", "Kessel county", "the Varro valley",
	"Lower Tavia", "the Orn delta", "Greywater district", "the Selvane highlands", "Mirth county",
	"the Danner basin"}

var countries = []string{"Veldoria", "Ostland", "Carpania", "the Republic of Marr", "Tessaly",
	"North Ardent", "Lusania", "Brevik"}

var capitals = []string{"VELDRA", "OSTHAVEN", "CARPA", "MARRESH", "TESSEL", "ARDENHOLM", "LUSA", "BREVIKSTAD"}

var rivers = []string{"Selm", "Orvane", "Tavia", "Kessel", "Brannoch", "Vey", "Ardent", "Molva"}

var firstNames = []string{"Irina", "Tomas", "Helena", "Marek", "Adaeze", "Joaquin", "Sunniva", "Rafael",
	"Dalia", "Bogdan", "Ingrid", "Kofi", "Leontine", "Stefan", "Mirela", "Anselm", "Noor", "Teodor",
	"Ysolde", "Casimir"}

var lastNames = []string{"Varga", "Lindqvist", "Okonkwo", "Petrescu", "Halloran", "Duarte", "Ferreira",
	"Kowalczyk", "Marchetti", "Abernathy", "Solberg", "Antonescu", "Whitcombe", "Delacroix", "Mbeki",
	"Rautio", "Castellan", "Brennagh", "Ilves", "Tarkovan"}

var roles = []string{"the regional governor", "the interior minister", "the emergency services chief",
	"the mayor", "the civil protection director", "the county prefect"}

var agencies = []string{"the civil protection agency", "the interior ministry", "the regional emergency office",
	"the national disaster authority", "the fire and rescue service", "the provincial health department"}

var outletFirst = []string{"Eastern", "Northern", "Coastal", "Valley", "Metro", "Harbour", "Capital", "Union",
	"Central", "Frontier", "Lakeside", "Summit", "Meridian", "Tidal", "Granite", "Prairie"}

var outletSecond = []string{"Wire", "Herald", "Observer", "Post", "Courier", "Gazette", "Ledger", "Dispatch",
	"Chronicle", "Times", "Sentinel", "Record", "Bulletin", "Tribune"}

var reporters = []string{"Ana Rusu", "Piet Vollmer", "Grace Achterberg", "Luka Horvatić", "Mei Lindgren",
	"Sam Oduya", "Tereza Novak", "Omar Haddad", "Julia Brandt", "Felix Amara"}

// kind is one sort of disaster story: its wording and its figures.
type kind struct {
	name     string
	headline []string // no figures: headlines are skipped by the extractor anyway
	event    string   // the event in a few words ("the flood")
	cause    string   // what happened, as a clause without a date
	prior    string   // the earlier event of the trap ("a flood on the same river")
}

var kinds = []kind{
	{
		name: "flood",
		headline: []string{"Floods in {region} leave dead and thousands homeless",
			"River {river} bursts its banks near {town}", "Deadly flooding hits {town} after days of rain"},
		event: "the flood",
		cause: "the {river} river broke through an embankment near {town}",
		prior: "a flood on the same stretch of the {river}",
	},
	{
		name: "fire",
		headline: []string{"Fire at chemical plant near {town} kills workers",
			"Blaze at {town} industrial park forces evacuations", "Toxic smoke over {region} after plant fire"},
		event: "the fire",
		cause: "fire tore through a chemical plant on the edge of {town}",
		prior: "a blaze at another plant in the same industrial park",
	},
	{
		name: "storm",
		headline: []string{"Storm batters {region}, cutting power to thousands",
			"Coastal towns count the cost after storm hits {town}", "Storm leaves trail of damage across {region}"},
		event: "the storm",
		cause: "a powerful storm made landfall near {town}",
		prior: "a storm that struck the same coast",
	},
}

// Patterns per fact. {n} is the figure as the article writes it, {N} the same capitalised at the
// start of a sentence; {day} a date phrase.
var tollPatterns = []string{
	"{Event} near {town} has killed {n} people, {agency} said.",
	"Officials put the number of dead from {event} at {n} people.",
	"{agency_cap} said {n} people had died in {event}.",
	"The death toll from {event} in {region} rose to {n} people, {role} {official} told reporters.",
	"Rescue teams have recovered the bodies of {n} people, according to {agency}.",
}

var injuredPatterns = []string{
	"{N} people were injured, {agency} said.",
	"Hospitals in {region} were treating {n} people for injuries.",
	"Another {n} people were taken to hospital with injuries.",
	"{N} people were hurt, some of them seriously.",
}

var evacPatterns = []string{
	"Authorities moved {n} people out of their homes in and around {town}.",
	"{N} people have been evacuated from low-lying districts.",
	"Some {n} people spent the night in schools and sports halls after leaving their homes.",
	"The evacuation of {n} people was completed by nightfall, {agency} said.",
}

var lengthPatterns = []string{
	"The damage stretches along some {n} of the main road east of {town}.",
	"Crews said debris was strewn over about {n} of the main road east of {town}.",
	"Roughly {n} of the main road east of {town} remained closed to traffic.",
}

var eventDayPatterns = []string{
	"{Cause_cap} on {day}, {agency} said.",
	"The disaster began on {day}, when {cause}.",
	"According to {agency}, {cause} on {day}.",
	"It was on {day} that {cause}, residents said.",
}

var warningPatterns = []string{
	"Forecasters had issued a warning for {region} on {day}.",
	"The first warnings for {region} went out on {day}, the weather service said.",
	"A red alert for {region} was declared on {day}.",
}

var trapPatterns = []string{
	"In {prior_month} {prior_year}, {prior} killed {m} people.",
	"Residents recalled that {prior} killed {m} people in {prior_month} {prior_year}.",
}

// quotes are said by the story's first official; one article gives the first one to the second
// official (a planted speaker conflict).
var quotes = []string{
	"We are going from door to door and we will not stop until everyone is accounted for",
	"Nobody here has seen anything like this in their lifetime",
	"The priority now is to keep people safe and get help to those who lost everything",
	"I want to thank every volunteer who came out in the middle of the night",
}

var quotePatterns = []string{
	"“{quote},” said {official}, {role}.",
	"{official}, {role}, told reporters: “{quote}.”",
	"“{quote},” {official} told a news conference in {town}.",
}

// fillers carry no figures or dates: colour and background of the kind wire copy pads with.
var fillers = []string{
	"Television pictures showed rescuers wading through muddy water to reach stranded residents.",
	"Volunteers handed out blankets, bottled water and hot meals at a reception centre in {town}.",
	"Shopkeepers along the main square were clearing debris and counting their losses.",
	"Several roads into {town} were closed and rail services in {region} were suspended.",
	"The government said it would ask neighbouring countries for specialist equipment if needed.",
	"Power was cut to large parts of {region}, and mobile networks were patchy.",
	"{official} said emergency crews had worked through the night in difficult conditions.",
	"Residents complained that warnings had come too late for them to save their belongings.",
	"The Red Crescent and local charities appealed for donations of food and medicine.",
	"Opposition politicians called for an inquiry into how the authorities had prepared.",
	"Schools across {region} were closed and exams were postponed.",
	"Farmers said fields of wheat and barley had been ruined just weeks before the harvest.",
	"Army engineers were brought in to shore up bridges and clear blocked roads.",
	"Insurers said it was too early to estimate the cost of the damage.",
	"Church halls and gymnasiums were turned into shelters for families who had nowhere else to go.",
	"Local officials urged people to stay away from damaged buildings and fallen power lines.",
	"The prime minister cut short a foreign visit and was expected to tour the area.",
	"Environmental groups warned that pollution could spread downstream in the coming weeks.",
	"Many of those affected were elderly people living alone in older houses.",
	"Hospitals in the region cancelled routine operations to free up beds.",
	"Neighbours used fishing boats and tractors to ferry people to higher ground.",
	"The weather service said conditions were expected to improve slowly.",
	"Aid agencies said clean drinking water was the most urgent need.",
	"A helicopter circled over the rooftops as rescuers searched for people trapped in their homes.",
	"Police set up checkpoints to prevent looting in abandoned neighbourhoods.",
	"The national football federation postponed all matches scheduled in {region}.",
	"Officials said the exact cause would be established by an investigation.",
	"Traders in the market said they had lost their stock and had no insurance.",
	"The interior ministry sent additional rescue teams from neighbouring provinces.",
	"Social media users shared pictures of flooded streets and collapsed walls.",
	"Telephone lines to several villages were still down, making it hard to assess the damage.",
	"Parents waited anxiously outside the town hall for news of missing relatives.",
	"Engineers were inspecting the main bridge over the {river} for structural damage.",
	"The regional council held an emergency meeting to coordinate the response.",
	"Relief convoys struggled along roads blocked by mud and fallen trees.",
	"Veterinarians said hundreds of farm animals had been lost.",
	"Workers at the town hall set up a hotline for people searching for missing relatives.",
	"A local radio station broadcast appeals for volunteers with boats and generators.",
	"Bakeries and restaurants in {town} offered free food to rescue workers and families.",
	"The national grid operator said repairs to damaged substations would take several days.",
	"Several families said they had lost everything they owned and did not know where to go.",
	"Officials said they were checking the safety of dams and reservoirs across {region}.",
	"Rescue dogs were brought in to help search collapsed buildings on the outskirts of {town}.",
	"The ministry of health warned residents to boil tap water before drinking it.",
	"Tourists were advised to avoid travelling to {region} until further notice.",
	"Dozens of cars were swept away or left piled against walls and lamp posts.",
	"Community leaders called for calm and urged people to help their neighbours.",
	"Mobile phone operators offered free calls to customers in the affected districts.",
	"Students from the local university organised collections of clothes and blankets.",
	"The railway company said it was running replacement buses where tracks were damaged.",
	"Pharmacies in {town} stayed open through the night to supply medicines.",
	"The central bank said it would consider emergency credit lines for affected businesses.",
	"Firefighters from neighbouring regions joined the operation before dawn.",
	"Officials in {region} said they had learned lessons from earlier disasters.",
	"A spokesperson for the armed forces said soldiers were ready to help for as long as needed.",
	"Witnesses described a deafening noise followed by panic in the streets.",
	"Emergency shelters were running short of mattresses and baby food.",
	"The European Union said it stood ready to help if asked.",
	"Engineers warned that some houses might have to be demolished.",
	"Journalists were kept away from the worst affected areas for safety reasons.",
	"Churches and mosques opened their doors to people who had nowhere to sleep.",
	"The authorities promised compensation but gave no details of how it would be paid.",
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty"}
