// Word lists for generating realistic US customers. The lists are ordered from most to least common
// (roughly as in the SSA's first names and the Census Bureau's surnames), and the generator picks
// from them with a skew towards the top, so "Smith" and "Johnson" are common and tails are long.

export const FIRST_NAMES = [
  'James', 'Mary', 'Michael', 'Jennifer', 'Robert', 'Linda', 'John', 'Patricia', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Paul', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie',
  'George', 'Dorothy', 'Jason', 'Rebecca', 'Edward', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Amy', 'Gary', 'Kathleen', 'Nicholas', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Brenda',
  'Stephen', 'Emma', 'Larry', 'Anna', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Samantha',
  'Benjamin', 'Katherine', 'Samuel', 'Christine', 'Gregory', 'Helen', 'Alexander', 'Debra', 'Patrick', 'Rachel',
  'Frank', 'Carolyn', 'Raymond', 'Janet', 'Jack', 'Maria', 'Dennis', 'Catherine', 'Jerry', 'Heather',
  'Tyler', 'Diane', 'Aaron', 'Olivia', 'Jose', 'Julie', 'Adam', 'Joyce', 'Nathan', 'Victoria',
  'Henry', 'Ruth', 'Zachary', 'Virginia', 'Douglas', 'Lauren', 'Peter', 'Kelly', 'Kyle', 'Christina',
  'Noah', 'Joan', 'Ethan', 'Evelyn', 'Jeremy', 'Judith', 'Walter', 'Andrea', 'Christian', 'Hannah',
  'Keith', 'Megan', 'Roger', 'Cheryl', 'Terry', 'Jacqueline', 'Austin', 'Martha', 'Sean', 'Madison',
  'Gerald', 'Teresa', 'Carl', 'Gloria', 'Harold', 'Sara', 'Dylan', 'Janice', 'Arthur', 'Ann',
  'Lawrence', 'Kathryn', 'Jordan', 'Abigail', 'Jesse', 'Sophia', 'Bryan', 'Frances', 'Billy', 'Jean',
  'Bruce', 'Alice', 'Gabriel', 'Judy', 'Joe', 'Isabella', 'Logan', 'Julia', 'Alan', 'Grace',
  'Juan', 'Amber', 'Albert', 'Denise', 'Willie', 'Danielle', 'Elijah', 'Marilyn', 'Wayne', 'Beverly',
  'Randy', 'Charlotte', 'Vincent', 'Natalie', 'Mason', 'Theresa', 'Roy', 'Diana', 'Ralph', 'Brittany',
  'Bobby', 'Doris', 'Russell', 'Kayla', 'Bradley', 'Alexis', 'Philip', 'Lori', 'Eugene', 'Marie',
  'Luis', 'Guadalupe', 'Carlos', 'Rosa', 'Miguel', 'Ana', 'Jorge', 'Carmen', 'Pedro', 'Yesenia',
  'Wei', 'Mei', 'Minh', 'Linh', 'Jin', 'Ji-woo', 'Raj', 'Priya', 'Amit', 'Anjali',
  'DeShawn', 'Latoya', 'Malik', 'Aaliyah', 'Tyrone', 'Imani', 'Andre', 'Keisha', 'Darnell', 'Tamika',
  'Mohammed', 'Fatima', 'Omar', 'Aisha', 'Ali', 'Layla', 'Hassan', 'Yasmin', 'Ivan', 'Olga',
];

/** Middle names are mostly one of these, or an initial. */
export const MIDDLE_NAMES = ['Marie', 'Ann', 'Lynn', 'Michael', 'James', 'Lee', 'Elizabeth', 'Joseph', 'Ray', 'Nicole', 'Allen', 'Louise', 'Edward', 'Grace', 'Paul', 'Jean'];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson',
  'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen',
  'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks',
  'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox',
  'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins',
  'Arnold', 'Pierce', 'Vazquez', 'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott',
  'Cunningham', 'Duncan', 'Armstrong', 'Hudson', 'Carroll', 'Lane', 'Riley', 'Andrews', 'Alvarado', 'Ray',
  'Delgado', 'Berry', 'Perkins', 'Hoffman', 'Johnston', 'Matthews', 'Pena', 'Richards', 'Contreras', 'Willis',
  'Carpenter', 'Lawrence', 'Sandoval', 'Guerrero', 'George', 'Chapman', 'Rios', 'Estrada', 'Ortega', 'Watkins',
  'Greene', 'Nunez', 'Wheeler', 'Valdez', 'Harper', 'Burke', 'Larson', 'Santiago', 'Maldonado', 'Morrison',
  'Franklin', 'Carlson', 'Austin', 'Dominguez', 'Carr', 'Lawson', 'Jacobs', 'Obrien', 'Lynch', 'Singh',
  'Vega', 'Bishop', 'Montgomery', 'Oliver', 'Jensen', 'Harvey', 'Williamson', 'Gilbert', 'Dean', 'Sims',
  'Espinoza', 'Howell', 'Li', 'Wong', 'Reid', 'Hanson', 'Le', 'McCoy', 'Garrett', 'Burton',
  'Fuller', 'Wang', 'Weber', 'Welch', 'Rojas', 'Lucas', 'Marquez', 'Fields', 'Park', 'Yang',
  'Little', 'Banks', 'Padilla', 'Day', 'Walsh', 'Bowman', 'Schultz', 'Luna', 'Fowler', 'Mejia',
  'Davidson', 'Acosta', 'Brewer', 'May', 'Holland', 'Juarez', 'Newman', 'Pearson', 'Curtis', 'Cortez',
  'Douglas', 'Schneider', 'Joseph', 'Barrett', 'Navarro', 'Figueroa', 'Keller', 'Avila', 'Wade', 'Molina',
  'Stanley', 'Hopkins', 'Campos', 'Barnett', 'Bates', 'Chambers', 'Caldwell', 'Beck', 'Lambert', 'Miranda',
  'Byrd', 'Craig', 'Ayala', 'Lowe', 'Frazier', 'Powers', 'Neal', 'Leonard', 'Gregory', 'Carrillo',
  'Sutton', 'Fleming', 'Rhodes', 'Shelton', 'Schwartz', 'Norris', 'Jennings', 'Watts', 'Duran', 'Walters',
  'Cohen', 'McDaniel', 'Moran', 'Parks', 'Steele', 'Vaughn', 'Becker', 'Holt', 'Deleon', 'Barker',
  'Terry', 'Hale', 'Leon', 'Hubbard', 'Benson', 'Haynes', 'Horton', 'Miles', 'Lyons', 'Pham',
  'Graves', 'Bush', 'Thornton', 'Wolfe', 'Warner', 'Cabrera', 'McKinney', 'Mann', 'Zimmerman', 'Dawson',
  'Lara', 'Fletcher', 'Page', 'McCarthy', 'Love', 'Robles', 'Cervantes', 'Solis', 'Erickson', 'Reeves',
  'Chang', 'Klein', 'Salinas', 'Fuentes', 'Baldwin', 'Daniel', 'Simon', 'Velasquez', 'Hardy', 'Higgins',
  'Aguirre', 'Lin', 'Cummings', 'Chandler', 'Sharp', 'Barber', 'Bowen', 'Ochoa', 'Dennis', 'Robbins',
  'Liu', 'Ramsey', 'Francis', 'Griffith', 'Paul', 'Blair', 'Oconnor', 'Cardenas', 'Pacheco', 'Cross',
  'Calderon', 'Quinn', 'Moss', 'Swanson', 'Chan', 'Rivas', 'Khan', 'Rodgers', 'Serrano', 'Fitzgerald',
];

/**
 * The long tail: surnames made of two parts (Ashford, Brookman, Whitfield…). Real customer files have
 * tens of thousands of distinct surnames; this gives about 2,000 more, rarely repeated in a ZIP.
 */
export const SURNAME_HEADS = [
  'Ash', 'Black', 'Bright', 'Brook', 'Cald', 'Clay', 'Cold', 'Crane', 'Dal', 'Dun', 'East', 'Elm', 'Fair', 'Fern', 'Field',
  'Ford', 'Gold', 'Green', 'Hal', 'Hart', 'Hay', 'Hol', 'Holl', 'Kings', 'Lang', 'Lock', 'Long', 'Marsh', 'Mill', 'Moor',
  'New', 'North', 'Oak', 'Pem', 'Red', 'Ring', 'Rock', 'Rose', 'Ruther', 'Sand', 'Shel', 'Sher', 'Stan', 'Stock', 'Stone',
  'Strat', 'Sum', 'Thorn', 'Tre', 'Wal', 'War', 'Wat', 'Wel', 'West', 'Whit', 'Win', 'Wood', 'Work', 'Wy', 'Yar',
];
export const SURNAME_TAILS = [
  'ford', 'well', 'wood', 'field', 'ley', 'man', 'ton', 'worth', 'by', 'dale', 'combe', 'hurst', 'ridge', 'stead', 'wick',
  'more', 'son', 'bury', 'ham', 'land', 'ington', 'brook', 'cott', 'den', 'gate', 'holt', 'kirk', 'mont', 'shaw', 'thorpe',
];

export const COMPANY_KINDS = ['Plumbing', 'Construction', 'Landscaping', 'Dental', 'Auto Repair', 'Realty', 'Consulting', 'Logistics', 'Electric', 'Bakery', 'Cleaning Services', 'Trucking', 'Insurance', 'Law Office', 'Roofing', 'Family Pharmacy'];
export const COMPANY_FORMS = ['LLC', 'Inc', 'Co', 'Group', 'and Sons', 'Partners', 'Corp'];

export const STREET_NAMES = [
  'Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Walnut', 'Sunset', 'Lincoln', 'Jackson', 'Church', 'Willow',
  'Highland', 'Franklin', 'Jefferson', 'Madison', 'Ridge', 'Meadow', 'Spring', 'Chestnut', 'Cherry', 'Forest', 'Valley', 'Adams', 'Laurel', 'Hickory', 'Dogwood',
  'River', 'Mill', 'Center', 'Broad', 'Union', 'Prospect', 'Grove', 'Sycamore', 'Birch', 'Magnolia', 'Lakeview', 'Hillcrest', 'Woodland', 'Fairview', 'Park',
  'Colonial', 'Spruce', 'Aspen', 'Juniper', 'Cypress', 'Poplar', 'Locust', 'Mulberry', 'Hawthorne', 'Meadowbrook', 'Orchard', 'Country Club', 'Green', 'Garden', 'Rosewood',
  'Heritage', 'Liberty', 'Independence', 'Victory', 'Bayview', 'Harbor', 'Ocean', 'Shore', 'Canyon', 'Mesa', 'Desert', 'Sierra', 'Mountain View', 'Pleasant', 'Summit',
  'Kingston', 'Windsor', 'Cambridge', 'Oxford', 'Lexington', 'Concord', 'Hamilton', 'Monroe', 'Grant', 'Sherman', 'Logan', 'Wilson', 'Taylor', 'Harrison', 'Tyler',
  'Evergreen', 'Timber', 'Stonegate', 'Briarwood', 'Foxtail', 'Quail', 'Dove', 'Eagle', 'Hawk', 'Falcon', 'Cardinal', 'Bluebird', 'Robin', 'Sparrow', 'Heron',
  'Market', 'Commerce', 'Industrial', 'Railroad', 'Depot', 'Mission', 'Alameda', 'Vista', 'Del Mar', 'Camino Real', 'El Camino', 'La Paz', 'Santa Fe', 'Rio Grande', 'Pueblo',
  '1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th', '14th', '16th', '18th', '21st', '23rd', '32nd', '45th', '101st',
  'Martin Luther King Jr', 'Cesar Chavez', 'Kennedy', 'Roosevelt', 'Truman', 'Eisenhower', 'Jones', 'Smith', 'Butler', 'Carson', 'Dover', 'Essex', 'Fulton', 'Greenwood', 'Hudson',
];

/** How people type street suffixes: the full word or the USPS abbreviation, in proportion. */
export const STREET_SUFFIXES = [
  'Street', 'St', 'St.', 'Avenue', 'Ave', 'Ave.', 'Road', 'Rd', 'Drive', 'Dr', 'Lane', 'Ln', 'Court', 'Ct', 'Boulevard', 'Blvd',
  'Place', 'Pl', 'Way', 'Circle', 'Cir', 'Terrace', 'Ter', 'Parkway', 'Pkwy', 'Trail', 'Highway', 'Loop', 'Square', 'Run',
];
export const DIRECTIONALS = ['N', 'S', 'E', 'W', 'North', 'South', 'East', 'West', 'NE', 'SW'];

/** Line 2 as typed: apartments, units and suites. */
export const UNIT_WORDS = ['Apt', 'Apt.', 'Apartment', 'Unit', '#', 'Suite', 'Ste', 'Fl'];

export const EMAIL_DOMAINS = [
  'gmail.com', 'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'aol.com', 'icloud.com',
  'comcast.net', 'att.net', 'verizon.net', 'msn.com', 'live.com', 'sbcglobal.net', 'me.com', 'protonmail.com', 'cox.net', 'charter.net',
];

/** Area codes in service across the country (NPA), for phone numbers. */
export const AREA_CODES = [
  201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248,
  251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 272, 276, 281, 301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315,
  316, 317, 318, 319, 320, 321, 323, 325, 330, 331, 334, 336, 337, 339, 346, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405,
  406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 442, 443, 469, 470, 475, 478, 479,
  480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 539, 540, 541, 551, 559, 561, 562,
  563, 567, 570, 571, 573, 574, 580, 585, 586, 601, 602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620,
  623, 626, 630, 631, 636, 641, 646, 650, 651, 657, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715,
  716, 717, 718, 719, 720, 724, 727, 731, 732, 734, 737, 740, 747, 754, 757, 760, 762, 763, 765, 769, 770, 772, 773, 774, 775, 779,
  781, 785, 786, 801, 802, 803, 804, 805, 806, 808, 810, 812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848,
  850, 856, 857, 858, 859, 860, 862, 863, 864, 865, 870, 872, 878, 901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914, 915, 916,
  917, 918, 919, 920, 925, 928, 929, 931, 936, 937, 940, 941, 947, 949, 951, 952, 954, 956, 970, 971, 972, 973, 978, 979, 980, 985,
];
