package io.langnghe.contracts.taxonomy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.langnghe.contracts.Category;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ward's vocabulary: categories (lĩnh vực), departments (phòng ban) and places (the former units
 * merged in 2025 and the thôn, khu phố and tổ dân phố inside them),
 * loaded from {@code taxonomy/*.yml} and validated as a whole, so a category routed to an unknown
 * department stops the service at start-up with a message that says which.
 */
public final class Taxonomy {

    /** The ward of a taxonomy whose areas.yml names none. */
    public static final String DEFAULT_WARD = "phuong";

    private final Map<Category, CategoryInfo> categories;
    private final Map<String, DepartmentInfo> departments;
    private final Map<String, AreaInfo> areas;
    private final Map<String, Set<String>> neighbours;
    private final Map<Category, String> defaultDepartment;
    private final String triageDepartment;
    private final Places places;

    private Taxonomy(List<CategoryInfo> categories, List<DepartmentInfo> departments, List<AreaInfo> areas) {
        this(categories, departments, new Places(null, List.of(), List.of(), areas));
    }

    private Taxonomy(List<CategoryInfo> categories, List<DepartmentInfo> departments, Places places) {
        List<AreaInfo> areas = places.areas();
        List<String> problems = new ArrayList<>();
        this.categories = new EnumMap<>(Category.class);
        for (CategoryInfo c : categories) {
            if (this.categories.put(c.code(), c) != null) {
                problems.add("category " + c.code().code() + " is listed twice in categories.yml");
            }
        }
        for (Category c : Category.values()) {
            if (!this.categories.containsKey(c)) {
                problems.add("category " + c.code() + " is missing from categories.yml");
            }
        }
        this.departments = new LinkedHashMap<>();
        this.defaultDepartment = new EnumMap<>(Category.class);
        String triage = null;
        for (DepartmentInfo d : departments) {
            if (this.departments.put(d.code(), d) != null) {
                problems.add("department " + d.code() + " is listed twice in departments.yml");
            }
            if (d.triage()) {
                if (triage != null) {
                    problems.add("departments " + triage + " and " + d.code() + " are both marked triage: keep one");
                }
                triage = d.code();
            }
            for (Category c : d.categories()) {
                String earlier = defaultDepartment.put(c, d.code());
                if (earlier != null) {
                    problems.add("category " + c.code() + " is routed to both " + earlier + " and " + d.code());
                }
            }
        }
        if (triage == null) {
            problems.add("no department is marked triage: true (the desk for 'khac' and unsure cases)");
        }
        for (Category c : Category.values()) {
            if (!defaultDepartment.containsKey(c)) {
                problems.add("category " + c.code() + " is routed to no department in departments.yml");
            }
        }
        this.areas = new LinkedHashMap<>();
        for (AreaInfo a : areas) {
            if (this.areas.put(a.code(), a) != null) {
                problems.add("area " + a.code() + " is listed twice in areas.yml");
            }
        }
        this.neighbours = new LinkedHashMap<>();
        for (AreaInfo a : areas) {
            for (String n : a.neighbours()) {
                if (!this.areas.containsKey(n) || n.equals(a.code())) {
                    problems.add("area " + a.code() + " names " + n + " as a neighbour, which is not another area of areas.yml");
                    continue;
                }
                this.neighbours.computeIfAbsent(a.code(), k -> new TreeSet<>()).add(n);
                this.neighbours.computeIfAbsent(n, k -> new TreeSet<>()).add(a.code());
            }
        }
        problems.addAll(places.problems(this.areas.keySet()));
        if (!problems.isEmpty()) {
            throw new TaxonomyException("The taxonomy files are inconsistent:\n - " + String.join("\n - ", problems));
        }
        this.triageDepartment = triage;
        this.places = places;
    }

    /** The taxonomy shipped with the code (src/main/resources/taxonomy). */
    public static Taxonomy loadDefault() {
        return new Taxonomy(
                read(resource("categories.yml"), CategoriesFile.class).categories(),
                read(resource("departments.yml"), DepartmentsFile.class).departments(),
                read(resource("areas.yml"), Places.class));
    }

    /** A ward's own taxonomy: a directory with categories.yml, departments.yml and areas.yml. */
    public static Taxonomy load(Path directory) {
        return new Taxonomy(
                read(file(directory.resolve("categories.yml")), CategoriesFile.class).categories(),
                read(file(directory.resolve("departments.yml")), DepartmentsFile.class).departments(),
                read(file(directory.resolve("areas.yml")), Places.class));
    }

    /** Builds one from values, for tests and tools; validated like the files. */
    public static Taxonomy of(List<CategoryInfo> categories, List<DepartmentInfo> departments, List<AreaInfo> areas) {
        return new Taxonomy(categories, departments, areas);
    }

    /** Builds one with former units from values, for tests and tools; validated like the files. */
    public static Taxonomy of(List<CategoryInfo> categories, List<DepartmentInfo> departments,
                              List<FormerUnitInfo> formerUnits, List<AreaInfo> areas) {
        return new Taxonomy(categories, departments, new Places(null, List.of(), formerUnits, areas));
    }

    public CategoryInfo category(Category code) {
        return categories.get(code);
    }

    public List<CategoryInfo> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<DepartmentInfo> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    public List<DepartmentInfo> departments() {
        return List.copyOf(departments.values());
    }

    public boolean hasDepartment(String code) {
        return departments.containsKey(code);
    }

    public Optional<AreaInfo> area(String code) {
        return Optional.ofNullable(areas.get(code));
    }

    public List<AreaInfo> areas() {
        return List.copyOf(areas.values());
    }

    /** The ward this taxonomy describes, or null when areas.yml does not say. */
    public Ward ward() {
        return places.ward();
    }

    /** The communes and towns merged into the ward, in the order of areas.yml (empty for a ward without). */
    public List<FormerUnitInfo> formerUnits() {
        return places.formerUnits();
    }

    public Optional<FormerUnitInfo> formerUnit(String code) {
        return places.formerUnits().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The public pages the geography comes from. */
    public List<Source> sources() {
        return places.sources();
    }

    /** The areas next to this one, whichever side of areas.yml names the pair. */
    public Set<String> neighboursOf(String area) {
        return Collections.unmodifiableSet(neighbours.getOrDefault(area, Set.of()));
    }

    public boolean hasArea(String code) {
        return areas.containsKey(code);
    }

    /**
     * The ward an area belongs to: the key of the early warning, so a deployment for a city partitions it
     * by ward. A taxonomy is one ward's (areas.yml's {@code ward}); an unknown or missing area is the ward's too.
     */
    public String wardOf(String area) {
        Ward ward = places.ward();
        return ward == null || ward.code() == null || ward.code().isBlank() ? DEFAULT_WARD : ward.code();
    }

    /** The department that takes a category when no rule says otherwise. */
    public String defaultDepartmentFor(Category category) {
        return defaultDepartment.get(category);
    }

    /** Văn phòng: takes "khac" and whatever the classifier is unsure of. */
    public String triageDepartment() {
        return triageDepartment;
    }

    private static InputStream resource(String name) {
        InputStream in = Taxonomy.class.getResourceAsStream("/taxonomy/" + name);
        if (in == null) {
            throw new TaxonomyException("taxonomy/" + name + " is not on the classpath");
        }
        return in;
    }

    private static InputStream file(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + path + ": " + e.getMessage());
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static <T> T read(InputStream in, Class<T> type) {
        try (in) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy (" + type.getSimpleName() + "): " + e.getMessage());
        } catch (RuntimeException e) {
            throw new TaxonomyException("invalid taxonomy (" + type.getSimpleName() + "): " + e.getMessage());
        }
    }

    record CategoriesFile(List<CategoryInfo> categories) {
    }

    record DepartmentsFile(List<DepartmentInfo> departments) {
    }

    /** areas.yml: the ward, its sources, its former units and its areas, checked against each other. */
    record Places(Ward ward, List<Source> sources, List<FormerUnitInfo> formerUnits, List<AreaInfo> areas) {

        private static final Set<String> KINDS = Set.of("thon", "khu_pho", AreaInfo.TO_DAN_PHO);

        Places {
            sources = sources == null ? List.of() : List.copyOf(sources);
            formerUnits = formerUnits == null ? List.of() : List.copyOf(formerUnits);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }

        List<String> problems(Set<String> areaCodes) {
            List<String> problems = new ArrayList<>();
            Set<String> units = new TreeSet<>();
            Set<String> sourceIds = new TreeSet<>();
            sources.forEach(s -> sourceIds.add(s.id()));
            for (FormerUnitInfo u : formerUnits) {
                if (!units.add(u.code()) || areaCodes.contains(u.code())) {
                    problems.add("former unit " + u.code() + " is listed twice in areas.yml (or is also an area)");
                }
            }
            for (FormerUnitInfo u : formerUnits) {
                u.neighbours().stream().filter(n -> !units.contains(n) || n.equals(u.code())).forEach(n -> problems.add(
                        "former unit " + u.code() + " names " + n + " as a neighbour, which is not another former unit of areas.yml"));
                u.sources().stream().filter(s -> !sourceIds.contains(s)).forEach(s -> problems.add(
                        "former unit " + u.code() + " cites source " + s + ", which is not in the sources of areas.yml"));
            }
            for (AreaInfo a : areas) {
                if (a.formerUnit() != null && !units.contains(a.formerUnit())) {
                    problems.add("area " + a.code() + " lies in former unit " + a.formerUnit() + ", which is not in formerUnits of areas.yml");
                }
                if (a.formerUnit() == null && !formerUnits.isEmpty()) {
                    problems.add("area " + a.code() + " names no formerUnit, though areas.yml lists former units");
                }
                if (!KINDS.contains(a.kind())) {
                    problems.add("area " + a.code() + " is of kind " + a.kind() + ": expected one of " + new TreeSet<>(KINDS));
                }
            }
            return problems;
        }
    }

}
